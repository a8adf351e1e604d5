import { HOURS_GIVEN_RULE, hoursGiven } from '../../shared/growth';
import { useInbox } from './state';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * A mentor's own impact, read when opened: what they gave and what came back, in their numbers alone
 * (no list of mentors, no rank). Thanks show the asker's words and the topic, never who sent them.
 */
export function ImpactPanel() {
  const inbox = useInbox();
  const impact = inbox.impact.value;
  const onToggle = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open && !impact) void inbox.loadImpact();
  };
  return (
    <details class="profile" onToggle={onToggle}>
      <summary>My impact</summary>
      {!impact ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          <ul class="impact">
            <li>{plural(impact.answersGiven, 'question answered', 'questions answered')}</li>
            <li>{plural(impact.markedHelpful, 'answer marked helpful', 'answers marked helpful')}</li>
            <li>
              {plural(impact.publishedReads, 'read of your published answers', 'reads of your published answers')}
            </li>
            <li>{plural(impact.coachingThreads, 'improvement coaching thread', 'improvement coaching threads')}</li>
            <li>{plural(impact.tipsWritten, 'screen tip written', 'screen tips written')}</li>
            <li>
              {plural(hoursGiven(impact.minutesGiven), 'hour given', 'hours given')}
              <span class="muted"> ({HOURS_GIVEN_RULE})</span>
            </li>
          </ul>
          <h2>Thanks received</h2>
          {impact.thanks.length === 0 ? (
            <p class="muted">None yet. When someone says an answer helped and thanks you, it shows here.</p>
          ) : (
            <ul class="thanks">
              {impact.thanks.map((t) => (
                <li key={t.id}>
                  <blockquote class="answer">
                    <p>{t.text}</p>
                    <footer>
                      {t.topicName ? `${t.topicName}, ` : ''}
                      {day.format(new Date(t.createdAt))}
                    </footer>
                  </blockquote>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </details>
  );
}
