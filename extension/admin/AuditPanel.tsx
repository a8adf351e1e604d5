import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import type { AuditEntry } from '../../shared/audit';
import { errorMessage, fieldErrors } from '../lib/errors';
import { describedBy, Field } from '../ui/Field';
import { AUDIT_ACTION_LABELS, auditDetails, auditSentence } from './audit-sentence';
import { useAdmin } from './state';

/** `yyyy-mm-dd` from a date input, as the start of that day in UTC. */
const dayStart = (day: string) => (day ? `${day}T00:00:00Z` : undefined);
const nextDayStart = (day: string) =>
  day ? new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().replace('.000', '') : undefined;

export function AuditPanel() {
  const admin = useAdmin();
  const action = useSignal('');
  const actorId = useSignal('');
  const from = useSignal('');
  const to = useSignal('');
  const entries = useSignal<AuditEntry[]>([]);
  const next = useSignal<string | null>(null);
  const actors = useSignal<{ id: string; name: string }[]>([]);
  const errors = useSignal<Record<string, string>>({});
  const error = useSignal('');

  async function load(cursor?: string) {
    errors.value = {};
    error.value = '';
    try {
      const page = await admin.call(endpoints.adminAudit, {
        query: {
          action: action.value || undefined,
          actorId: actorId.value || undefined,
          from: dayStart(from.value),
          to: nextDayStart(to.value),
          cursor,
        },
      });
      entries.value = cursor ? [...entries.value, ...page.entries] : page.entries;
      next.value = page.nextCursor;
    } catch (e) {
      errors.value = fieldErrors(e);
      error.value = errorMessage(e);
    }
  }

  useEffect(() => {
    void load();
    void admin
      .call(endpoints.adminListUsers, { query: { role: 'admin' } })
      .then((r) => (actors.value = r.users.map((u) => ({ id: u.id, name: u.displayName }))))
      .catch(() => undefined);
  }, []);

  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <form
        class="row"
        aria-label="Filter the audit log"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <Field id="audit-action" label="Action" error={errors.value.action}>
          <select id="audit-action" value={action.value} onChange={(e) => (action.value = e.currentTarget.value)}>
            <option value="">Any action</option>
            {AUDIT_ACTION_LABELS.map(([a, label]) => (
              <option key={a} value={a}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <Field id="audit-actor" label="By" error={errors.value.actorId}>
          <select id="audit-actor" value={actorId.value} onChange={(e) => (actorId.value = e.currentTarget.value)}>
            <option value="">Anyone</option>
            {actors.value.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="audit-from" label="From (UTC day)" error={errors.value.from}>
          <input
            id="audit-from"
            type="date"
            value={from.value}
            {...describedBy('audit-from', errors.value.from)}
            onInput={(e) => (from.value = e.currentTarget.value)}
          />
        </Field>
        <Field id="audit-to" label="To (UTC day, inclusive)" error={errors.value.to}>
          <input
            id="audit-to"
            type="date"
            value={to.value}
            {...describedBy('audit-to', errors.value.to)}
            onInput={(e) => (to.value = e.currentTarget.value)}
          />
        </Field>
        <button type="submit">Show</button>
      </form>
      {error.value && (
        <p class="error" role="alert">
          {error.value}
        </p>
      )}
      <table>
        <caption>Newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What happened</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.value.map((e) => (
            <tr key={e.id}>
              <td>{new Date(e.at).toLocaleString()}</td>
              <td>{auditSentence(e)}</td>
              <td>{auditDetails(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {next.value && (
        <button type="button" onClick={() => void load(next.value ?? undefined)}>
          Older entries
        </button>
      )}
    </section>
  );
}
