import { useEffect, useState } from 'preact/hooks';
import { DISCIPLINE_LABELS, type Discipline } from '../../shared/enums';
import type { Coverage, RouteSuggestion } from '../../shared/routing';
import { usePopup } from './state';

/**
 * Said before sending, not discovered after a silent wait: whether any mentor takes the chosen topic
 * and discipline, and when none does, the nearest route someone does take, one click away. Topic
 * names only; who the mentors are is never known here.
 */
export function RouteNotice({
  topicId,
  disciplineWanted,
  onUse,
}: {
  topicId: string;
  disciplineWanted: string;
  onUse: (route: RouteSuggestion) => void;
}) {
  const app = usePopup();
  const [coverage, setCoverage] = useState<Coverage | null>(null);

  useEffect(() => {
    setCoverage(null);
    if (!topicId) return;
    let live = true;
    void app
      .routeCoverage({ topicId, disciplineWanted: disciplineWanted as Discipline | 'any' })
      .then((c) => live && setCoverage(c));
    return () => {
      live = false;
    };
  }, [topicId, disciplineWanted]);

  if (coverage?.covered !== false) return null;
  const topicName = (id: string) => app.topics.value.find((t) => t.id === id)?.name;
  const discipline = DISCIPLINE_LABELS[disciplineWanted as Discipline];
  const route = `${topicName(topicId) ?? 'this topic'}${discipline ? ` (${discipline})` : ''}`;
  const suggestion = coverage.suggestion;
  const fallbackName = suggestion?.reason === 'fallback' ? (topicName(suggestion.topicId) ?? 'the fallback route') : '';
  return (
    <div class="notice" role="status">
      <p>No mentor is taking {route} questions at the moment.</p>
      {suggestion?.reason === 'any_discipline' && (
        <p>
          Mentors of other disciplines take this topic.{' '}
          <button type="button" onClick={() => onUse(suggestion)}>
            Ask any discipline
          </button>
        </p>
      )}
      {suggestion?.reason === 'fallback' && (
        <p>
          {fallbackName} can take it instead.{' '}
          <button type="button" onClick={() => onUse(suggestion)}>
            Send to {fallbackName}
          </button>
        </p>
      )}
      {!suggestion && <p>You can still send it: it waits until a mentor takes this topic.</p>}
    </div>
  );
}
