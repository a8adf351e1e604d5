import { useState } from 'preact/hooks';
import { REFLECTION_MAX, REFLECTION_PROMPT } from '../../shared/growth';
import { PDSA_DECISION_LABELS, PDSA_STAGE_LABELS, type PdsaDecision } from '../../shared/pdsa';
import { APPROVAL_LABELS, DECISION_WORDS, type SmallTest } from '../../shared/small-tests';
import type { ConfirmedSpan } from '../../shared/text';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { PromptBox } from './PromptBox';
import { usePopup } from './state';

const NEXT = { plan: 'do', do: 'study', study: 'act' } as const;
const NOTES_LABEL = {
  do: 'What you did (optional)',
  study: 'What happened, beside your prediction',
  act: 'Notes on the decision (optional)',
} as const;

/** The owner moves an approved test one stage on: Study records the result, Act the decision and a sentence for reporters. */
function Advance({ test }: { test: SmallTest }) {
  const app = usePopup();
  const stage = test.cycle.stage;
  const next = stage === 'act' ? null : NEXT[stage];
  const [notes, setNotes] = useState('');
  const [result, setResult] = useState('');
  const [decision, setDecision] = useState<PdsaDecision | ''>('');
  const [error, setError] = useState('');
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    ([n = '', r = '']) => {
      setNotes(n);
      setResult(r);
    },
  );
  if (!next) return null;
  const id = `advance-${test.cycle.id}`;

  async function send(confirmed?: ConfirmedSpan[]) {
    if (!next) return;
    const ok = await app.advanceSmallTest(test.cycle.id, {
      stage: next,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
      ...(next === 'act' && decision ? { decision, result: result.trim() } : {}),
      ...(confirmed ? { confirmedSpans: confirmed } : {}),
    });
    if (ok) {
      setNotes('');
      setResult('');
    }
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (next === 'study' && !notes.trim())
      return setError('Say what happened, so it can be set beside your prediction.');
    if (next === 'act' && (!decision || !result.trim()))
      return setError('Choose adopt, adapt or abandon, and write the result in a sentence.');
    setError('');
    gate.check(app.detector.value, [notes, result]);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Move to ${PDSA_STAGE_LABELS[next]}`}>
      {next === 'study' && <p class="muted">You predicted: {test.cycle.prediction}</p>}
      <CheckedTextField
        id={`${id}-notes`}
        label={NOTES_LABEL[next]}
        value={notes}
        onInput={(v) => {
          gate.cancel();
          setNotes(v);
        }}
        maxLength={1000}
        detector={app.detector.value}
        rows={2}
      />
      {next === 'act' && (
        <>
          <fieldset>
            <legend>Decision</legend>
            {(Object.entries(PDSA_DECISION_LABELS) as [PdsaDecision, string][]).map(([value, label]) => (
              <label key={value} class="check">
                <input
                  type="radio"
                  name={`${id}-decision`}
                  checked={decision === value}
                  onChange={() => setDecision(value)}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <CheckedTextField
            id={`${id}-result`}
            label="The result in one sentence, for everyone who flagged this"
            value={result}
            onInput={(v) => {
              gate.cancel();
              setResult(v);
            }}
            maxLength={300}
            detector={app.detector.value}
            multiline={false}
          />
        </>
      )}
      {error && <p class="field-error">{error}</p>}
      {gate.pending ? (
        <SendAnyway gate={gate} />
      ) : (
        <button type="submit" class="primary" disabled={app.busy.value}>
          Move to {PDSA_STAGE_LABELS[next]}
        </button>
      )}
    </form>
  );
}

function TestItem({ test }: { test: SmallTest }) {
  const app = usePopup();
  const c = test.cycle;
  const owner = test.role === 'owner';
  const reflections = (app.growth.value?.reflections ?? []).filter(
    (r) => r.subjectKind === 'cycle' && r.subjectId === c.id,
  );
  return (
    <li class="item">
      <p class="item-meta">
        <span class="kind">{owner ? 'My small test' : `Coaching ${c.ownerName}’s small test`}</span>
        {' · '}
        <span class="item-status">
          {test.approval === 'approved' ? PDSA_STAGE_LABELS[c.stage] : APPROVAL_LABELS[test.approval]}
        </span>
      </p>
      <p class="item-text">{c.changeIdea}</p>
      <p class="muted">
        Sponsor: {test.sponsorName}
        {test.coachName ? ` · Coach: ${test.coachName}` : ''}
      </p>
      {test.approvalReason && test.approval !== 'approved' && (
        <blockquote class="answer">
          <p>{test.approvalReason}</p>
          <footer>{test.sponsorName}</footer>
        </blockquote>
      )}
      {c.studyNotes && (
        <p>
          Predicted: {c.prediction}. Found: {c.studyNotes}
        </p>
      )}
      {c.decision && (
        <p>
          <strong>{DECISION_WORDS[c.decision]}</strong>
          {test.result ? `: ${test.result}` : ''}
        </p>
      )}
      {owner && test.approval === 'approved' && <Advance test={test} />}
      {owner && (c.stage === 'study' || c.stage === 'act') && (
        <details class="growth" open={reflections.length > 0}>
          <summary>{REFLECTION_PROMPT}</summary>
          {reflections.map((r) => (
            <blockquote key={r.id} class="answer mine">
              <p>{r.text}</p>
            </blockquote>
          ))}
          <PromptBox
            draftKey={`reflection:${c.id}`}
            label="Your reflection (optional)"
            hint="Private: only you can read it."
            max={REFLECTION_MAX}
            submitLabel="Save reflection"
            onSend={(text, confirmed) => app.reflect('cycle', c.id, text, confirmed)}
          />
        </details>
      )}
    </li>
  );
}

/** Small tests I own or coach, at the top of My items. Sponsors approve theirs on the dashboard. */
export function SmallTests() {
  const app = usePopup();
  const tests = (app.growth.value?.smallTests ?? []).filter((t) => t.role !== 'sponsor');
  if (tests.length === 0) return null;
  return (
    <section aria-labelledby="tests-heading">
      <h3 id="tests-heading">Small tests</h3>
      <ul class="items">
        {tests.map((t) => (
          <TestItem key={t.cycle.id} test={t} />
        ))}
      </ul>
    </section>
  );
}
