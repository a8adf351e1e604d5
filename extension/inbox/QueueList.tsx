import { URGENCY_LABELS } from '../../shared/enums';
import type { QueueItem } from '../../shared/mentoring';
import type { SlaStatus } from '../../shared/sla';
import { useInbox } from './state';

export const SLA_LABELS: Record<SlaStatus, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  breached: 'Overdue',
  paused: 'Waiting for the asker',
  met: 'Answered in time',
  missed: 'Answered late',
};

export function claimLabel(item: QueueItem): string {
  if (item.claim.state === 'mine') return 'Claimed by you';
  if (item.claim.state === 'other') return `Claimed by ${item.claim.byName ?? 'a colleague'}`;
  return 'Unclaimed';
}

/** Each row is a button: Tab reaches it, Enter or Space opens the thread. */
export function QueueList() {
  const inbox = useInbox();
  const topicName = (id: string | null) => inbox.topics.value.find((t) => t.id === id)?.name ?? '';
  if (inbox.items.value.length === 0) return <p>Nothing waiting here.</p>;
  return (
    <>
      <ul class="queue" aria-label="Questions">
        {inbox.items.value.map((item) => (
          <li key={item.id} class={`sla-${item.sla.status}`}>
            <button type="button" class="queue-item" onClick={() => void inbox.open(item.id)}>
              <span class="queue-text">{item.kind === 'need_to_talk' ? 'Needs to talk' : item.text}</span>
              <span class="queue-meta">
                {item.kind === 'need_to_talk' ? 'Peer support' : topicName(item.topicId)} ·{' '}
                {URGENCY_LABELS[item.urgency]} · {SLA_LABELS[item.sla.status]} · {claimLabel(item)}
                {item.handedToMe ? ' · Handed to you' : ''}
                {item.escalated ? ' · Waiting 30+ minutes' : ''}
                {item.movedFrom ? ` · Moved here from ${topicName(item.movedFrom.topicId) || 'another topic'}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {inbox.hasMore() && (
        <button type="button" class="link" onClick={() => void inbox.showMore()}>
          Show more
        </button>
      )}
    </>
  );
}
