import { useEffect, useState } from 'preact/hooks';
import type { CycleOwner, PdsaCreate } from '../../shared/pdsa';
import type { Detector } from '../lib/phi';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SelectField } from '../ui/SelectField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';

interface Props {
  detector: Detector | null;
  /** Active leads and mentors, by name; empty while loading (the cycle is then the caller's). */
  owners: readonly CycleOwner[];
  meId: string | undefined;
  busy: boolean;
  onCreate: (body: PdsaCreate) => Promise<boolean>;
}

const roleOf = (o: CycleOwner) => (o.lead && o.mentor ? 'lead, mentor' : o.lead ? 'lead' : 'mentor');

/**
 * Plan a small test of change: the idea, what we expect, how we will know, and who owns it. One
 * clientId per cycle being planned: a double click, or a retry after a lost answer, makes one cycle.
 */
export function CycleForm({ detector, owners, meId, busy, onCreate }: Props) {
  const [changeIdea, setIdea] = useState('');
  const [prediction, setPrediction] = useState('');
  const [measure, setMeasure] = useState('');
  const [ownerId, setOwnerId] = useState(meId ?? '');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  useEffect(() => setOwnerId((o) => o || meId || ''), [meId]);
  const gate = useIdentifierGate(
    async (confirmedSpans) => {
      const owner = ownerId && ownerId !== meId ? { ownerId } : {};
      if (await onCreate({ clientId, changeIdea, prediction, measure, ...owner, confirmedSpans })) {
        setIdea('');
        setPrediction('');
        setMeasure('');
        setClientId(crypto.randomUUID());
      }
    },
    ([idea = '', pred = '', meas = '']) => {
      setIdea(idea);
      setPrediction(pred);
      setMeasure(meas);
    },
  );
  const ready = changeIdea.trim() && prediction.trim() && measure.trim();
  return (
    <form
      class="cycle-form"
      aria-label="Plan a PDSA cycle"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !busy) gate.check(detector, [changeIdea, prediction, measure]);
      }}
    >
      <CheckedTextField
        id="pdsa-idea"
        label="Change idea"
        value={changeIdea}
        onInput={setIdea}
        maxLength={500}
        detector={detector}
        rows={2}
      />
      <CheckedTextField
        id="pdsa-prediction"
        label="Prediction"
        value={prediction}
        onInput={setPrediction}
        maxLength={500}
        detector={detector}
        rows={2}
      />
      <CheckedTextField
        id="pdsa-measure"
        label="Measure"
        value={measure}
        onInput={setMeasure}
        maxLength={300}
        detector={detector}
        multiline={false}
      />
      {owners.length > 0 && (
        <SelectField
          id="pdsa-owner"
          label="Owner"
          value={ownerId}
          options={owners.map((o) => ({
            value: o.id,
            label: o.id === meId ? `${o.displayName} (you)` : `${o.displayName} (${roleOf(o)})`,
          }))}
          onChange={setOwnerId}
        />
      )}
      {gate.pending && <SendAnyway gate={gate} />}
      <button type="submit" class="primary" disabled={!ready || busy} aria-busy={busy || undefined}>
        {busy ? 'Starting…' : 'Start cycle'}
      </button>
    </form>
  );
}
