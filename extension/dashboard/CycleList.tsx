import { useState } from 'preact/hooks';
import {
  PDSA_DECISION_LABELS,
  PDSA_PREVIOUS,
  PDSA_STAGE_LABELS,
  type PdsaAdvance,
  type PdsaCycle,
  PdsaDecision,
  type PdsaStage,
} from '../../shared/pdsa';
import { DECISION_WORDS } from '../../shared/small-tests';
import type { Detector } from '../lib/phi';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';

interface Props {
  cycles: readonly PdsaCycle[];
  detector: Detector | null;
  onAdvance: (id: string, body: PdsaAdvance) => Promise<boolean>;
}

const NEXT: Partial<Record<PdsaStage, 'do' | 'study' | 'act'>> = Object.fromEntries(
  Object.entries(PDSA_PREVIOUS).map(([to, from]) => [from, to]),
);

function Advance({ cycle, detector, onAdvance }: { cycle: PdsaCycle } & Omit<Props, 'cycles'>) {
  const next = NEXT[cycle.stage];
  const [notes, setNotes] = useState('');
  const [decision, setDecision] = useState<PdsaDecision>('adopt');
  const gate = useIdentifierGate(
    (confirmedSpans) => {
      if (!next) return;
      const text = notes.trim();
      void onAdvance(cycle.id, {
        stage: next,
        ...(text ? { notes: text } : {}),
        ...(next === 'act' ? { decision } : {}),
        confirmedSpans,
      }).then((ok) => ok && setNotes(''));
    },
    ([redacted = '']) => setNotes(redacted),
  );
  if (!next) return null;
  const needsNotes = next === 'study';
  return (
    <form
      class="advance"
      aria-label={`Move “${cycle.changeIdea}” to ${PDSA_STAGE_LABELS[next]}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        gate.check(detector, notes.trim() ? [notes] : []);
      }}
    >
      {next === 'act' && (
        <label>
          Decision{' '}
          <select value={decision} onChange={(e) => setDecision(e.currentTarget.value as PdsaDecision)}>
            {PdsaDecision.options.map((o) => (
              <option key={o} value={o}>
                {PDSA_DECISION_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
      )}
      <CheckedTextField
        id={`advance-${cycle.id}`}
        label={needsNotes ? 'What happened?' : `Notes for ${PDSA_STAGE_LABELS[next]} (optional)`}
        value={notes}
        onInput={(v) => {
          gate.cancel();
          setNotes(v);
        }}
        maxLength={1000}
        detector={detector}
        rows={2}
      />
      {gate.pending && <SendAnyway gate={gate} />}
      <button type="submit" disabled={(needsNotes && !notes.trim()) || notes.length > 1000}>
        Move to {PDSA_STAGE_LABELS[next]}
      </button>
    </form>
  );
}

/** PDSA cycles on a hotspot, each with the step that moves it on. */
export function CycleList({ cycles, detector, onAdvance }: Props) {
  if (cycles.length === 0) return <p>No tests of change yet.</p>;
  return (
    <ol class="cycles">
      {cycles.map((c) => (
        <li key={c.id}>
          <p>
            <strong>{c.changeIdea}</strong> — {PDSA_STAGE_LABELS[c.stage]}
            {c.decision && `: ${DECISION_WORDS[c.decision]}`} (owner {c.ownerName}, started {c.createdAt.slice(0, 10)})
          </p>
          <dl>
            <dt>Prediction</dt>
            <dd>{c.prediction}</dd>
            <dt>Measure</dt>
            <dd>{c.measure}</dd>
            {c.doNotes && (
              <>
                <dt>Do</dt>
                <dd>{c.doNotes}</dd>
              </>
            )}
            {c.studyNotes && (
              <>
                <dt>Study</dt>
                <dd>{c.studyNotes}</dd>
              </>
            )}
          </dl>
          <Advance cycle={c} detector={detector} onAdvance={onAdvance} />
        </li>
      ))}
    </ol>
  );
}
