import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { Unit } from '../../shared/catalog';
import { ROLE_LABELS, Role } from '../../shared/enums';
import type { User } from '../../shared/users';
import { errorMessage, fieldErrors } from '../lib/errors';
import { Field } from '../ui/Field';
import { RoleChecks } from './RoleChecks';
import { useAdmin } from './state';

function UserEditor({ user, units, onSaved }: { user: User; units: Unit[]; onSaved: (u: User) => void }) {
  const admin = useAdmin();
  const roles = useSignal<Role[]>(user.roles);
  const unitId = useSignal(user.unitId ?? '');
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const confirming = useSignal(false);

  async function save() {
    errors.value = {};
    error.value = '';
    try {
      const saved = await admin.users.saveUser(user.id, { roles: roles.value, unitId: unitId.value || null });
      admin.announce(`${saved.displayName} saved.`);
      onSaved(saved);
    } catch (e) {
      errors.value = fieldErrors(e);
      error.value = errorMessage(e);
    }
  }

  async function deactivate() {
    error.value = '';
    try {
      const saved = await admin.users.deactivateUser(user.id);
      admin.announce(`${saved.displayName} deactivated; all their sessions are signed out.`);
      onSaved(saved);
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      confirming.value = false;
    }
  }

  const id = `user-${user.id}`;
  return (
    <fieldset class="editor">
      <legend>Edit {user.displayName}</legend>
      <RoleChecks
        legend={`Roles of ${user.displayName}`}
        idPrefix={`${id}-role`}
        value={roles.value}
        onChange={(r) => (roles.value = r)}
        error={errors.value.roles}
      />
      <Field id={`${id}-unit`} label="Unit" error={errors.value.unitId}>
        <select id={`${id}-unit`} value={unitId.value} onChange={(e) => (unitId.value = e.currentTarget.value)}>
          <option value="">No unit</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="button" class="primary" onClick={() => void save()}>
        Save {user.displayName}
      </button>{' '}
      {user.active &&
        (confirming.value ? (
          <span>
            Deactivate and sign out everywhere?{' '}
            <button type="button" class="danger" onClick={() => void deactivate()}>
              Yes, deactivate
            </button>{' '}
            <button type="button" onClick={() => (confirming.value = false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => (confirming.value = true)}>
            Deactivate…
          </button>
        ))}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
    </fieldset>
  );
}

export function UsersPanel() {
  const admin = useAdmin();
  const name = useSignal('');
  const role = useSignal<Role | ''>('');
  const { users } = admin.users;
  const units = admin.units;
  const open = useSignal<string | null>(null);
  const error = useSignal('');

  async function search(e?: Event) {
    e?.preventDefault();
    error.value = '';
    try {
      await admin.users.searchUsers(name.value, role.value);
    } catch (err) {
      error.value = errorMessage(err);
    }
  }

  useEffect(() => {
    void search();
    void admin.loadUnits().catch(() => undefined);
  }, []);

  const unitName = (id: string | null) => units.value.find((u) => u.id === id)?.name ?? '—';
  return (
    <section aria-labelledby="users-heading">
      <h2 id="users-heading">Users</h2>
      <form onSubmit={search} class="row" aria-label="Find users">
        <Field id="users-q" label="Name">
          <input id="users-q" type="search" value={name.value} onInput={(e) => (name.value = e.currentTarget.value)} />
        </Field>
        <Field id="users-role" label="Role">
          <select
            id="users-role"
            value={role.value}
            onChange={(e) => (role.value = e.currentTarget.value as Role | '')}
          >
            <option value="">Any role</option>
            {Role.options.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r] ?? r}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">Search</button>
      </form>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <ul class="list">
        {users.value.map((u) => (
          <li key={u.id}>
            <button
              type="button"
              class="link"
              aria-expanded={open.value === u.id}
              onClick={() => (open.value = open.value === u.id ? null : u.id)}
            >
              {u.displayName}
            </button>{' '}
            <span class="muted">
              {u.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')} · {unitName(u.unitId)}
              {u.active ? '' : ' · deactivated'}
            </span>
            {open.value === u.id && (
              <UserEditor
                user={u}
                units={units.value}
                onSaved={(saved) => (users.value = users.value.map((x) => (x.id === saved.id ? saved : x)))}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
