import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import type { AuditEntry } from '../../shared/audit';
import type { Topic } from '../../shared/catalog';
import { useAdmin } from './state';

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * Admins are told when questions waited too long: the escalation job's audit lines of the last week,
 * as a sentence with the topic's name, beside the settings that decide them.
 */
export function EscalationNotice({ topics }: { topics: Topic[] }) {
  const admin = useAdmin();
  const entries = useSignal<AuditEntry[] | null>(null);

  useEffect(() => {
    admin
      .call(endpoints.adminAudit, {
        query: { action: 'questions.escalated', from: new Date(Date.now() - WEEK_MS).toISOString(), limit: 200 },
      })
      .then((page) => (entries.value = page.entries))
      .catch(() => {});
  }, []);

  if (entries.value === null) return null;
  const moved = entries.value.reduce((n, e) => n + (typeof e.details.count === 'number' ? e.details.count : 0), 0);
  if (moved === 0) {
    return <p class="hint">No question has needed the fallback route in the last 7 days.</p>;
  }
  const [last] = entries.value;
  const to = topics.find((t) => t.id === last?.target)?.name ?? 'the fallback route';
  return (
    <p class="notice" role="status">
      In the last 7 days {moved === 1 ? '1 question' : `${moved} questions`} nobody claimed in time moved to {to}
      {last ? `, most recently on ${new Date(last.at).toLocaleString()}` : ''}. Each move is in the audit log.
    </p>
  );
}
