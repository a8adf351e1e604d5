import { REFLECTION_MAX, REFLECTION_PROMPT, THANKS_MAX } from '../../shared/growth';
import type { Question } from '../../shared/questions';
import { PromptBox } from './PromptBox';
import { usePopup } from './state';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** "This helped": a short thank-you to the mentors who answered, once per question. */
export function ThanksBox({ question: q }: { question: Question }) {
  const app = usePopup();
  const growth = app.growth.value;
  if (!growth) return null;
  const sent = growth.thanksSent.find((t) => t.questionId === q.id);
  if (sent) return <p class="muted">You thanked your mentor: “{sent.text}”</p>;
  return (
    <details class="growth">
      <summary>Say thank you</summary>
      <PromptBox
        draftKey={`thanks:${q.id}`}
        label="A short thank-you"
        hint="Your mentor sees your words and the topic, not your name."
        max={THANKS_MAX}
        submitLabel="Send thanks"
        onSend={(text, confirmed) => app.thank(q.id, text, confirmed)}
      />
    </details>
  );
}

/** The optional reflection after an answer: private to the person who writes it. */
export function ReflectionBox({ question: q }: { question: Question }) {
  const app = usePopup();
  const growth = app.growth.value;
  if (!growth) return null;
  const mine = growth.reflections.filter((r) => r.subjectKind === 'question' && r.subjectId === q.id);
  return (
    <details class="growth" open={mine.length > 0}>
      <summary>{REFLECTION_PROMPT}</summary>
      {mine.map((r) => (
        <blockquote key={r.id} class="answer mine">
          <p>{r.text}</p>
          <footer>
            Your reflection, {dateTime.format(new Date(r.createdAt))}{' '}
            <button
              type="button"
              class="link"
              disabled={app.busy.value}
              onClick={() => void app.deleteReflection(r.id)}
            >
              Delete
            </button>
          </footer>
        </blockquote>
      ))}
      <PromptBox
        draftKey={`reflection:${q.id}`}
        label={mine.length > 0 ? 'Add to your reflection' : 'Your reflection (optional)'}
        hint="Private: only you can read it. No mentor, lead or admin sees it."
        max={REFLECTION_MAX}
        submitLabel="Save reflection"
        onSend={(text, confirmed) => app.reflect('question', q.id, text, confirmed)}
      />
    </details>
  );
}
