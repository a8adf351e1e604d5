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

/** Why nothing is waiting, and what to do about it (a new mentor's queue is empty until topics are chosen). */
function EmptyQueue() {
  const inbox = useInbox();
  const profile = inbox.profile.value;
  const f = inbox.filters.value;
  if (profile && profile.topicIds.length === 0)
    return (
      <p class="notice">
        No questions reach you yet: choose the topics you answer in “My mentor profile” above, and questions on them
        will wait here.
      </p>
    );
  if (profile?.away)
    return <p>You are marked away, so no new questions are routed to you. Turn “away” off when you are back.</p>;
  if (f.filter !== 'all' || f.topicId || f.urgency)
    return <p>Nothing waiting under these filters. Show all questions to see the rest.</p>;
  return <p>Nothing waiting. Questions on your topics appear here, and urgent ones also notify you.</p>;
}

/** Each row is a button: Tab reaches it, Enter or Space opens the thread. */
export function QueueList() {
  const inbox = useInbox();
  const topicName = (id: string | null) => inbox.topics.value.find((t) => t.id === id)?.name ?? '';
  if (inbox.items.value.length === 0) return <EmptyQueue />;
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
