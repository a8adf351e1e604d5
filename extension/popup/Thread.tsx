import { useState } from 'preact/hooks';
import type { Publication } from '../../shared/mentoring';
import type { Question } from '../../shared/questions';
import { CoachingCard } from './CoachingCard';
import { ReflectionBox, ThanksBox } from './Growth';
import { ReplyBox } from './ReplyBox';
import { usePopup } from './state';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const format = (iso: string) => dateTime.format(new Date(iso));

interface Entry {
  id: string;
  kind: 'answer' | 'clarification' | 'reply';
  text: string;
  who: string;
  at: string;
}

function entries(q: Question): Entry[] {
  return [
    ...q.answers.map((a) => ({ id: a.id, kind: 'answer' as const, text: a.text, who: a.mentorName, at: a.createdAt })),
    ...(q.messages ?? []).map((m) => ({ id: m.id, kind: m.kind, text: m.text, who: m.authorName, at: m.createdAt })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

const byline = (e: Entry) =>
  e.kind === 'reply'
    ? `You replied, ${format(e.at)}`
    : `${e.who}${e.kind === 'clarification' ? ' asked' : ''}, ${format(e.at)}`;

function shareStatus(q: Question, publication: Publication | null): string {
  if (q.published) return 'It is in the knowledge base now, without your name.';
  if (publication?.identifiersFound)
    return 'It was not published: something in it still looks like it could identify someone.';
  if (publication?.waitingFor.includes('mentor_shareable') || !publication)
    return 'It will be published once your mentor agrees too.';
  return 'It is not published yet.';
}

/** Sharing is for questions only: "need to talk" never leaves peer support. */
function Share({ q }: { q: Question }) {
  const app = usePopup();
  const [publication, setPublication] = useState<Publication | null>(null);
  const consent = async (value: boolean) => setPublication(await app.consentToShare(q.id, value));
  const hintId = `share-${q.id}-hint`;
  if (q.shareConsent)
    return (
      <p class="muted">
        You agreed to share this answer with colleagues, de-identified. {shareStatus(q, publication)}{' '}
        <button type="button" class="link" disabled={app.busy.value} onClick={() => void consent(false)}>
          Stop sharing
        </button>
      </p>
    );
  return (
    <p>
      <button type="button" aria-describedby={hintId} disabled={app.busy.value} onClick={() => void consent(true)}>
        Share this answer
      </button>{' '}
      <span id={hintId} class="muted">
        with colleagues (de-identified): your name is never shown.
      </span>
    </p>
  );
}

/** A question's conversation in My items: answers, clarifying questions and replies, oldest first. */
export function Thread({ question: q }: { question: Question }) {
  const app = usePopup();
  const answered = q.answers.length > 0;
  return (
    <>
      {/* By the thread's own record, not its topic: a fallback route may have moved it since. */}
      {q.kind === 'question' && <CoachingCard questionId={q.id} />}
      {entries(q).map((e) => (
        <blockquote key={e.id} class={e.kind === 'reply' ? 'answer mine' : 'answer'}>
          <p>{e.text}</p>
          <footer>{byline(e)}</footer>
        </blockquote>
      ))}
      {q.needsReply && q.status !== 'closed' && <ReplyBox questionId={q.id} />}
      {answered && (
        <div class="row feedback">
          <button
            type="button"
            aria-pressed={q.helpful === true}
            disabled={app.busy.value}
            onClick={() => void app.markHelpful(q.id, q.helpful !== true)}
          >
            This helped
          </button>
          {q.helpful === true && <span class="muted">Thank you for saying so.</span>}
        </div>
      )}
      {answered && q.kind === 'question' && q.helpful === true && <ThanksBox question={q} />}
      {answered && q.kind === 'question' && <Share q={q} />}
      {answered && q.kind === 'question' && <ReflectionBox question={q} />}
    </>
  );
}
