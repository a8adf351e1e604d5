import { useState } from 'preact/hooks';
import type { Coaching } from '../../shared/coaching';
import type { ConfirmedSpan } from '../../shared/text';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

const FIELDS = [
  ['changeIdea', 'The change to test', 500],
  ['prediction', 'What you predict will happen', 500],
  ['measure', 'How you will measure it', 300],
] as const;
type Plan = Record<(typeof FIELDS)[number][0], string>;

/**
 * From a framed coaching thread to a small test the clinician owns: the plan (started from the card)
 * and a sponsoring lead, chosen by name, who approves it before it runs.
 */
export function ProposeTest({ coaching }: { coaching: Coaching }) {
  const app = usePopup();
  const [plan, setPlan] = useState<Plan>({
    changeIdea: coaching.card.smallestTest,
    prediction: '',
    measure: coaching.card.measure,
  });
  const [sponsors, setSponsors] = useState<{ id: string; displayName: string }[] | null>(null);
  const [sponsorId, setSponsorId] = useState('');
  const [error, setError] = useState('');
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    (texts) => setPlan(Object.fromEntries(FIELDS.map(([k], i) => [k, texts[i] ?? plan[k]])) as Plan),
  );
  const id = `test-${coaching.questionId}`;

  async function send(confirmed?: ConfirmedSpan[]) {
    const trimmed = Object.fromEntries(FIELDS.map(([k]) => [k, plan[k].trim()])) as Plan;
    await app.proposeSmallTest(coaching.questionId, { ...trimmed, sponsorId }, confirmed);
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (FIELDS.some(([k, , max]) => !plan[k].trim() || plan[k].length > max)) {
      setError('Please fill in the change, your prediction and the measure.');
      return;
    }
    if (!sponsorId) {
      setError('Please choose a lead to sponsor it.');
      return;
    }
    setError('');
    gate.check(
      app.detector.value,
      FIELDS.map(([k]) => plan[k]),
    );
  }

  const onToggle = (e: Event) => {
    if ((e.currentTarget as HTMLDetailsElement).open && sponsors === null) void app.sponsors().then(setSponsors);
  };

  return (
    <details class="growth" onToggle={onToggle}>
      <summary>Turn this into a small test</summary>
      <form onSubmit={onSubmit} noValidate aria-label="Small test">
        {FIELDS.map(([k, label, max]) => (
          <CheckedTextField
            key={k}
            id={`${id}-${k}`}
            label={label}
            value={plan[k]}
            onInput={(value) => {
              gate.cancel();
              setPlan({ ...plan, [k]: value });
            }}
            maxLength={max}
            detector={app.detector.value}
            rows={2}
          />
        ))}
        <div class="field">
          <label for={`${id}-sponsor`}>Sponsor (a lead who approves it)</label>
          <select id={`${id}-sponsor`} value={sponsorId} onChange={(e) => setSponsorId(e.currentTarget.value)}>
            <option value="">{sponsors === null ? 'Loading…' : 'Choose a lead'}</option>
            {(sponsors ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </div>
        {error && <p class="field-error">{error}</p>}
        {gate.pending ? (
          <SendAnyway gate={gate} />
        ) : (
          <button type="submit" class="primary" disabled={app.busy.value}>
            Ask for approval
          </button>
        )}
      </form>
    </details>
  );
}
