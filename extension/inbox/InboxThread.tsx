import { useEffect, useRef, useState } from 'preact/hooks';
import { COACHING_TOPIC_ID } from '../../shared/coaching';
import { URGENCY_LABELS } from '../../shared/enums';
import type { QueueItemDetail } from '../../shared/mentoring';
import { TextAction } from '../ui/TextAction';
import { CoachingPanel } from './CoachingPanel';
import { HandOffForm } from './HandOffForm';
import { InviteDiscipline } from './InviteDiscipline';
import { claimLabel, SLA_LABELS } from './QueueList';
import { useInbox } from './state';

const when = (iso: string) => new Date(iso).toLocaleString();

/** One question: its thread, and the actions its state allows. */
export function InboxThread({ item }: { item: QueueItemDetail }) {
  const inbox = useInbox();
  const heading = useRef<HTMLHeadingElement>(null);
  const [handingOff, setHandingOff] = useState(false);
  useEffect(() => heading.current?.focus(), [item.id]);
  const draft = inbox.drafts.value[item.id] ?? {};
  const mine = item.claim.state === 'mine';
  const busy = inbox.busy.value;
  const messages = [
    ...item.answers.map((a) => ({ id: a.id, at: a.createdAt, who: a.mentorName, label: 'Answer', text: a.text })),
    ...item.messages.map((m) => ({
      id: m.id,
      at: m.createdAt,
      who: m.authorName,
      label: m.kind === 'clarification' ? 'Asked back' : 'Reply',
      text: m.text,
    })),
    ...item.handoffs.map((h) => ({ id: h.id, at: h.createdAt, who: h.fromName, label: 'Hand-off note', text: h.note })),
  ].sort((a, b) => (a.at < b.at ? -1 : 1));

  return (
    <article class="thread" aria-labelledby="thread-heading">
      <button type="button" class="link" onClick={inbox.close}>
        ← Back to the queue
      </button>
      <h2 id="thread-heading" ref={heading} tabIndex={-1}>
        {item.kind === 'need_to_talk' ? 'Someone needs to talk' : 'Question'}
      </h2>
      {item.text && <p class="question-text">{item.text}</p>}
      <p class="queue-meta">
        {URGENCY_LABELS[item.urgency]} · {SLA_LABELS[item.sla.status]}
        {item.sla.dueAt ? ` (due ${when(item.sla.dueAt)})` : ''} · {claimLabel(item)} · asked by {item.askerDiscipline}
      </p>
      {(item.topicId === COACHING_TOPIC_ID || item.movedFrom?.topicId === COACHING_TOPIC_ID) && (
        <CoachingPanel item={item} />
      )}
      <ol class="messages" aria-label="Thread">
        {messages.map((m) => (
          <li key={m.id}>
            <strong>{m.label}</strong> — {m.who}, {when(m.at)}
            <p>{m.text}</p>
          </li>
        ))}
      </ol>
      <div class="row">
        {item.status === 'open' && item.claim.state === 'unclaimed' && (
          <button type="button" class="primary" disabled={busy} onClick={() => void inbox.claim(item.id)}>
            Claim
          </button>
        )}
        {mine && item.status === 'open' && (
          <>
            <button type="button" disabled={busy} onClick={() => void inbox.release(item.id)}>
              Release
            </button>
            <button type="button" disabled={busy} onClick={() => setHandingOff(!handingOff)} aria-expanded={handingOff}>
              Hand off…
            </button>
          </>
        )}
        {mine && item.status !== 'closed' && (
          <button type="button" disabled={busy} onClick={() => void inbox.closeQuestion(item.id)}>
            Close
          </button>
        )}
        {mine && item.kind === 'question' && (item.status === 'answered' || item.status === 'closed') && (
          <label>
            <input
              type="checkbox"
              checked={item.shareable}
              disabled={busy}
              onChange={(e) => void inbox.setShareable(item.id, e.currentTarget.checked)}
            />{' '}
            Shareable to the knowledge base (if the asker consents)
          </label>
        )}
      </div>
      {handingOff && mine && <HandOffForm item={item} onDone={() => setHandingOff(false)} />}
      {mine && item.kind === 'question' && item.status !== 'closed' && <InviteDiscipline item={item} />}
      {item.invitedMe && (
        <p class="notice">
          You were invited into this thread for your discipline. {item.claim.byName ?? 'A colleague'} still holds it;
          your answer goes to the asker beside theirs.
        </p>
      )}
      {(mine || item.invitedMe) && (item.status === 'open' || item.status === 'answered') && (
        <TextAction
          id="answer-text"
          label="Your answer"
          submitLabel="Send answer"
          value={draft.answer ?? ''}
          maxLength={4000}
          detector={inbox.detector.value}
          disabled={busy}
          onInput={(v) => void inbox.saveDraft(item.id, 'answer', v)}
          onSend={(text, confirmed) => void inbox.answer(item.id, text, confirmed)}
        />
      )}
      {mine && item.status === 'open' && (
        <TextAction
          id="clarify-text"
          label="Ask the asker something first"
          submitLabel="Ask back"
          value={draft.clarify ?? ''}
          maxLength={1000}
          detector={inbox.detector.value}
          disabled={busy}
          onInput={(v) => void inbox.saveDraft(item.id, 'clarify', v)}
          onSend={(text, confirmed) => void inbox.clarify(item.id, text, confirmed)}
        />
      )}
    </article>
  );
}
