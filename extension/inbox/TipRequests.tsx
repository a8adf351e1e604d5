import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../shared/enums';
import type { TipRequest } from '../../shared/training';
import { TextAction } from '../ui/TextAction';
import { useInbox } from './state';

const TIP_MAX = 500;
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * Tips asked for: a lead resolved a hotspot as a training gap (the tool can do it; nobody showed us), and
 * asks the mentors of a topic for a tip on its screen. The first tip written answers it; it shows on that
 * screen's popup and every reporter of the hotspot reads it. Shown only when something is asked.
 */
export function TipRequests() {
  const inbox = useInbox();
  const requests = inbox.tipRequests.value;
  // Once the queue is in: the first paint's request goes alone.
  useEffect(() => {
    void inbox.afterFirstPaint().then(inbox.loadTipRequests);
  }, []);
  if (!requests || requests.length === 0) return null;
  return (
    <section class="tip-requests" aria-labelledby="tip-requests-heading">
      <h2 id="tip-requests-heading">Tips asked for ({requests.length})</h2>
      <p class="muted">
        A lead found people did not know how to do this on the screen. Your tip shows to everyone who opens Curbside
        there, without your name.
      </p>
      <ul class="kb-list">
        {requests.map((r) => (
          <TipRequestItem key={r.id} request={r} />
        ))}
      </ul>
    </section>
  );
}

function TipRequestItem({ request }: { request: TipRequest }) {
  const inbox = useInbox();
  const [text, setText] = useState('');
  const [clientId] = useState(() => crypto.randomUUID());
  const topic = inbox.topics.value.find((t) => t.id === request.topicId)?.name;
  return (
    <li>
      <h3>
        {request.title ?? `${request.screen.host}${request.screen.path}`}
        <span class="muted"> · {CATEGORY_LABELS[request.category]}</span>
      </h3>
      <p class="muted">
        {request.screen.host}
        {request.screen.path} · asked {day.format(new Date(request.requestedAt))}
        {topic ? ` of ${topic} mentors` : ''}
      </p>
      {request.note && <blockquote class="answer">{request.note}</blockquote>}
      <TextAction
        id={`tip-${request.id}`}
        label="Your tip for this screen"
        submitLabel={inbox.busy.value ? 'Publishing…' : 'Publish tip'}
        value={text}
        maxLength={TIP_MAX}
        detector={inbox.detector.value}
        disabled={inbox.busy.value}
        onInput={setText}
        onSend={(value, confirmed) => void inbox.writeTip(request.id, clientId, value, confirmed)}
      />
    </li>
  );
}
