import { useEffect, useState } from 'preact/hooks';
import type { Topic } from '../../shared/catalog';
import type { HotspotDetail } from '../../shared/hotspots';
import type { ConfirmedSpan } from '../../shared/text';
import type { Detector } from '../lib/phi';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { useDashboard } from './state';

const NOTE_MAX = 500;
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface Props {
  hotspot: HotspotDetail;
  detector: Detector | null;
  onDone: (write: Promise<HotspotDetail | null>) => Promise<boolean>;
}

/**
 * "Training gap": the tool can do it, nobody showed us. Resolving so asks the mentors of a topic for a tip
 * on the hotspot's screen; once written it shows on that screen's popup and every reporter reads it.
 */
export function TrainingGap({ hotspot, detector, onDone }: Props) {
  const dashboard = useDashboard();
  const [topics, setTopics] = useState<Topic[]>([]);
  const [topicId, setTopicId] = useState('');
  const [note, setNote] = useState('');
  const [clientId] = useState(() => crypto.randomUUID());
  const busy = dashboard.busy.value;
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    ([redacted = '']) => setNote(redacted),
  );
  useEffect(() => {
    void dashboard.topics().then((t) => {
      setTopics(t);
      setTopicId((current) => current || (t[0]?.id ?? ''));
    });
  }, []);

  async function send(confirmedSpans?: ConfirmedSpan[]) {
    const text = note.trim();
    await onDone(
      dashboard.resolveTrainingGap(hotspot.id, {
        clientId,
        topicId,
        ...(text ? { note: text } : {}),
        ...(confirmedSpans ? { confirmedSpans } : {}),
      }),
    );
  }

  const request = hotspot.tipRequest;
  if (request) {
    const topic = topics.find((t) => t.id === request.topicId)?.name ?? 'the chosen topic';
    return (
      <section class="training-gap" aria-labelledby="training-gap-heading">
        <h3 id="training-gap-heading">Training gap</h3>
        {request.tip ? (
          <>
            <p>
              A mentor wrote this tip on {day.format(new Date(request.tip.publishedAt))}. It shows to everyone who opens
              Curbside on this screen, and every reporter has it beside your response:
            </p>
            <blockquote class="answer">
              <p>{request.tip.text}</p>
            </blockquote>
          </>
        ) : (
          <p>
            Mentors of {topic} were asked for a tip for this screen on {day.format(new Date(request.requestedAt))}.
            Every reporter hears of it when it is written.
          </p>
        )}
      </section>
    );
  }
  if (!hotspot.screen || !(hotspot.status === 'in_progress' || hotspot.status === 'resolved')) return null;
  return (
    <section class="training-gap" aria-labelledby="training-gap-heading">
      <h3 id="training-gap-heading">Training gap?</h3>
      <p>
        When the tool can already do it and nobody showed people how, resolve it as a training gap: mentors are asked
        for a tip on this screen, which everyone opening Curbside here sees.
      </p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!topicId || busy) return;
          if (note.trim()) gate.check(detector, [note]);
          else void send();
        }}
      >
        <label for="training-gap-topic">Mentors who write it</label>
        <select id="training-gap-topic" value={topicId} onChange={(e) => setTopicId(e.currentTarget.value)}>
          {topics.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
        <CheckedTextField
          id="training-gap-note"
          label="What people struggled with (optional)"
          value={note}
          maxLength={NOTE_MAX}
          detector={detector}
          rows={2}
          onInput={(v) => {
            gate.cancel();
            setNote(v);
          }}
        />
        {gate.pending ? (
          <SendAnyway gate={gate} />
        ) : (
          <button type="submit" disabled={busy !== null || !topicId}>
            {busy === 'training_gap' ? 'Asking…' : 'Resolve as training gap'}
          </button>
        )}
      </form>
    </section>
  );
}
