import { signal } from '@preact/signals';
import { endpoints } from '../../shared/api';
import type { Role } from '../../shared/enums';
import type { User, UserPatch } from '../../shared/users';
import type { SessionApi } from '../lib/session-api';

/** People: the list found by name and role, and the calls that change one. Part of the admin state. */
export function createUsersState(call: SessionApi['call']) {
  const users = signal<User[]>([]);

  async function searchUsers(name: string, role: Role | '') {
    const query = { q: name.trim() || undefined, role: role || undefined };
    users.value = (await call(endpoints.adminListUsers, { query })).users;
  }

  const saveUser = (id: string, body: UserPatch) => call(endpoints.adminPatchUser, { params: { id }, body });

  /** Ends every session of theirs too (the API does). */
  const deactivateUser = (id: string) => call(endpoints.adminDeactivateUser, { params: { id } });

  return { users, searchUsers, saveUser, deactivateUser };
}
