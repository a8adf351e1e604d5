import { FramingCardForm } from '../ui/FramingCardForm';
import { ProposeTest } from './ProposeTest';
import { usePopup } from './state';

/** The flag a coaching thread is about, and its framing card, which the asker edits with the coach. */
export function CoachingCard({ questionId }: { questionId: string }) {
  const app = usePopup();
  const coaching = app.growth.value?.coaching.find((c) => c.questionId === questionId);
  if (!coaching) return null;
  // A test waiting, approved or running from this thread: one at a time (a declined one can be followed).
  const hasTest = (app.growth.value?.smallTests ?? []).some(
    (t) => t.coachingQuestionId === questionId && t.role === 'owner' && t.approval !== 'declined',
  );
  return (
    <div class="coaching">
      <p class="muted">Coaching on your flag: “{coaching.flag.text}”</p>
      <FramingCardForm
        key={coaching.card.revision}
        id={`card-${questionId}`}
        card={coaching.card}
        canEdit={coaching.canEdit}
        detector={app.detector.value}
        busy={app.busy.value}
        onSave={(text, revision, confirmed) => app.saveCard(questionId, text, revision, confirmed)}
      />
      {(coaching.card.smallestTest || coaching.card.measure) && !hasTest && <ProposeTest coaching={coaching} />}
    </div>
  );
}
