import { useState } from 'preact/hooks';
import type { PdsaCreate } from '../../shared/pdsa';
import type { Detector } from '../lib/phi';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';

interface Props {
  detector: Detector | null;
  onCreate: (body: PdsaCreate) => Promise<boolean>;
}

/** Plan a small test of change: the idea, what we expect, how we will know. */
export function CycleForm({ detector, onCreate }: Props) {
  const [changeIdea, setIdea] = useState('');
  const [prediction, setPrediction] = useState('');
  const [measure, setMeasure] = useState('');
  const gate = useIdentifierGate(
    async (confirmedSpans) => {
      if (await onCreate({ changeIdea, prediction, measure, confirmedSpans })) {
        setIdea('');
        setPrediction('');
        setMeasure('');
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
        if (ready) gate.check(detector, [changeIdea, prediction, measure]);
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
      {gate.pending && <SendAnyway gate={gate} />}
      <button type="submit" class="primary" disabled={!ready}>
        Start cycle
      </button>
    </form>
  );
}
