import { useEffect } from 'preact/hooks';
import type { QueueItemDetail } from '../../shared/mentoring';
import { FramingCardForm } from '../ui/FramingCardForm';
import { useInbox } from './state';

/**
 * A "Help me shape this" request: the flag it is about and the framing card, which the coach edits with
 * the asker once holding the question. Read again when the claim changes, since that decides editing.
 */
export function CoachingPanel({ item }: { item: QueueItemDetail }) {
  const inbox = useInbox();
  useEffect(() => {
    void inbox.loadCoaching(item.id);
  }, [item.id, item.claim.state]);
  const coaching = inbox.coaching.value;
  if (!coaching || coaching.questionId !== item.id) return null;
  return (
    <section class="coaching" aria-label="Coaching request">
      <p>
        <strong>Help me shape this</strong> — their flag: “{coaching.flag.text}”
      </p>
      <FramingCardForm
        key={coaching.card.revision}
        id={`card-${item.id}`}
        card={coaching.card}
        canEdit={coaching.canEdit}
        detector={inbox.detector.value}
        busy={inbox.busy.value}
        onSave={(text, revision, confirmed) => inbox.saveCard(item.id, text, revision, confirmed)}
      />
      {!coaching.canEdit && <p class="muted">Claim the question to edit the card with them.</p>}
    </section>
  );
}
