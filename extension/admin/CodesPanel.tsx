import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { CodeCreated, CodeInfo } from '../../shared/codes';
import { DISCIPLINE_LABELS, type Discipline, type Role } from '../../shared/enums';
import { errorMessage, fieldErrors } from '../lib/errors';
import { describedBy, Field } from '../ui/Field';
import { QrCode } from './QrCode';
import { RoleChecks } from './RoleChecks';
import { useAdmin } from './state';

type Kind = 'enroll' | 'signin';

function codeState(c: CodeInfo, now: number): string {
  if (c.revokedAt) return 'Revoked';
  if (Date.parse(c.expiresAt) <= now) return 'Expired';
  if (c.uses >= c.maxUses) return 'Used up';
  return 'Active';
}

/** The code just created: shown once, with a link to copy and a QR code of that link. */
function CreatedCode({ created, onDone }: { created: CodeCreated; onDone: () => void }) {
  const admin = useAdmin();
  const link = admin.signInLink(created.code);
  const copy = async (text: string, what: string) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    admin.announce(`${what} copied.`);
  };
  return (
    <section class="created" aria-labelledby="created-heading">
      <h3 id="created-heading">Code created — it is shown only now</h3>
      <p>
        <code class="code" data-testid="new-code">
          {created.code}
        </code>{' '}
        <button type="button" onClick={() => void copy(created.code, 'Code')}>
          Copy code
        </button>
      </p>
      <Field id="code-link" label="Sign-in link">
        <input id="code-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </Field>
      <button type="button" onClick={() => void copy(link, 'Link')}>
        Copy link
      </button>
      <QrCode text={link} label={`QR code of the sign-in link for code ${created.code}`} />
      <p class="hint">
        Expires {new Date(created.expiresAt).toLocaleString()} · {created.maxUses} use{created.maxUses === 1 ? '' : 's'}
      </p>
      <button type="button" onClick={onDone}>
        Done
      </button>
    </section>
  );
}

export function CodesPanel() {
  const admin = useAdmin();
  const { codes, users } = admin.codes;
  const units = admin.units;
  const kind = useSignal<Kind>('enroll');
  const roles = useSignal<Role[]>(['clinician']);
  const unitId = useSignal('');
  const discipline = useSignal<Discipline>('nursing');
  const maxUses = useSignal('1');
  const hours = useSignal('72');
  const label = useSignal('');
  const userQuery = useSignal('');
  const userId = useSignal('');
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');
  const created = useSignal<CodeCreated | null>(null);

  async function load() {
    try {
      await admin.codes.loadCodes();
    } catch (e) {
      error.value = errorMessage(e);
    }
  }
  useEffect(() => void load(), []);

  async function findUsers() {
    try {
      await admin.codes.findUsers(userQuery.value);
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  async function create(e: Event) {
    e.preventDefault();
    errors.value = {};
    error.value = '';
    const common = {
      expiresInHours: Number(hours.value),
      ...(label.value.trim() ? { label: label.value.trim() } : {}),
    };
    const body =
      kind.value === 'enroll'
        ? {
            kind: 'enroll' as const,
            roles: roles.value,
            discipline: discipline.value,
            maxUses: Number(maxUses.value),
            ...(unitId.value ? { unitId: unitId.value } : {}),
            ...common,
          }
        : { kind: 'signin' as const, userId: userId.value, ...common };
    try {
      created.value = await admin.codes.createCode(body);
      admin.announce('Code created.');
      await load();
    } catch (err) {
      errors.value = fieldErrors(err);
      error.value = errorMessage(err);
    }
  }

  async function revoke(c: CodeInfo) {
    try {
      await admin.codes.revokeCode(c.id);
      admin.announce('Code revoked.');
      await load();
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  const now = Date.now();
  return (
    <section aria-labelledby="codes-heading">
      <h2 id="codes-heading">Codes</h2>
      {created.value ? (
        <CreatedCode created={created.value} onDone={() => (created.value = null)} />
      ) : (
        <form onSubmit={create} aria-label="New code">
          <fieldset>
            <legend>Kind of code</legend>
            <label class="check">
              <input
                type="radio"
                name="kind"
                checked={kind.value === 'enroll'}
                onChange={() => (kind.value = 'enroll')}
              />{' '}
              Enrollment (new users)
            </label>
            <label class="check">
              <input
                type="radio"
                name="kind"
                checked={kind.value === 'signin'}
                onChange={() => (kind.value = 'signin')}
              />{' '}
              Sign-in (an existing user on another device)
            </label>
          </fieldset>
          {kind.value === 'enroll' ? (
            <>
              <RoleChecks
                legend="Roles"
                idPrefix="code-role"
                value={roles.value}
                onChange={(r) => (roles.value = r)}
                error={errors.value.roles}
              />
              <Field id="code-unit" label="Unit" error={errors.value.unitId}>
                <select id="code-unit" value={unitId.value} onChange={(e) => (unitId.value = e.currentTarget.value)}>
                  <option value="">No unit</option>
                  {units.value.map((u) => (
                    <option key={u.id} value={u.id}>
                      {u.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="code-discipline" label="Discipline">
                <select
                  id="code-discipline"
                  value={discipline.value}
                  onChange={(e) => (discipline.value = e.currentTarget.value as Discipline)}
                >
                  {Object.entries(DISCIPLINE_LABELS).map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id="code-uses" label="Number of uses" error={errors.value.maxUses}>
                <input
                  id="code-uses"
                  type="number"
                  min={1}
                  value={maxUses.value}
                  {...describedBy('code-uses', errors.value.maxUses)}
                  onInput={(e) => (maxUses.value = e.currentTarget.value)}
                />
              </Field>
            </>
          ) : (
            <>
              <Field id="code-user-q" label="Find the user">
                <input
                  id="code-user-q"
                  type="search"
                  value={userQuery.value}
                  onInput={(e) => (userQuery.value = e.currentTarget.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void findUsers();
                    }
                  }}
                />
              </Field>
              <button type="button" onClick={() => void findUsers()}>
                Search
              </button>
              <Field id="code-user" label="User" error={errors.value.userId}>
                <select
                  id="code-user"
                  value={userId.value}
                  {...describedBy('code-user', errors.value.userId)}
                  onChange={(e) => (userId.value = e.currentTarget.value)}
                >
                  <option value="">Choose a user</option>
                  {users.value.map((u) => {
                    // Refused by the API too: peer supporters add devices from their own (see the hint).
                    const peer = u.roles.includes('peer_supporter') && u.id !== admin.session.value?.user.id;
                    return (
                      <option key={u.id} value={u.id} disabled={peer}>
                        {peer ? `${u.displayName} (peer supporter: not by code)` : u.displayName}
                      </option>
                    );
                  })}
                </select>
              </Field>
              <p class="hint" id="code-user-notice">
                The user is told on their other devices that a new device signed in with a code you made, and it is
                listed under your name in their own “sign-ins to my account”. Peer supporters cannot be given sign-in
                codes: they add a device from one of their own, or enrol anew.
              </p>
            </>
          )}
          <Field id="code-hours" label="Expires after (hours)" error={errors.value.expiresInHours}>
            <input
              id="code-hours"
              type="number"
              min={1}
              value={hours.value}
              {...describedBy('code-hours', errors.value.expiresInHours)}
              onInput={(e) => (hours.value = e.currentTarget.value)}
            />
          </Field>
          <Field id="code-label" label="Label (optional, e.g. “ICU new starters”)" error={errors.value.label}>
            <input
              id="code-label"
              value={label.value}
              maxLength={80}
              onInput={(e) => (label.value = e.currentTarget.value)}
            />
          </Field>
          <button type="submit" class="primary">
            Create code
          </button>
        </form>
      )}
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <table>
        <caption>Codes (the codes themselves are never shown again)</caption>
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Kind</th>
            <th scope="col">Uses</th>
            <th scope="col">Expires</th>
            <th scope="col">State</th>
            <th scope="col">
              <span class="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {codes.value.map((c) => {
            const state = codeState(c, now);
            return (
              <tr key={c.id}>
                <td>{c.label ?? '—'}</td>
                <td>{c.kind === 'enroll' ? 'Enrollment' : 'Sign-in'}</td>
                <td>
                  {c.uses} / {c.maxUses}
                </td>
                <td>{new Date(c.expiresAt).toLocaleString()}</td>
                <td>{state}</td>
                <td>
                  {state === 'Active' && (
                    <button type="button" onClick={() => void revoke(c)} aria-label={`Revoke code ${c.label ?? c.id}`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
