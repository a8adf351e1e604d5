import { signal } from '@preact/signals';
import { endpoints } from '../../shared/api';
import type { CodeCreate, CodeInfo } from '../../shared/codes';
import type { User } from '../../shared/users';
import type { SessionApi } from '../lib/session-api';

/**
 * Sign-in and enrolment codes: the list, the units and people a code can name, and the calls that
 * change them. Part of the admin state; each action throws the API's error for the panel to show.
 */
export function createCodesState(call: SessionApi['call'], loadUnits: () => Promise<void>) {
  const codes = signal<CodeInfo[]>([]);
  /** People found by name, for a sign-in code. */
  const users = signal<User[]>([]);

  async function loadCodes() {
    const [codeList] = await Promise.all([call(endpoints.adminListCodes, {}), loadUnits()]);
    codes.value = codeList.codes;
  }

  async function findUsers(query: string) {
    const trimmed = query.trim();
    users.value = (await call(endpoints.adminListUsers, { query: { q: trimmed || undefined, active: 'true' } })).users;
  }

  /** The code is in the answer only: it is shown once and never fetched again. */
  const createCode = (body: CodeCreate) => call(endpoints.adminCreateCode, { body });

  const revokeCode = async (id: string) => {
    await call(endpoints.adminRevokeCode, { params: { id } });
  };

  return { codes, users, loadCodes, findUsers, createCode, revokeCode };
}
