import { useEffect, useState } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import { PDSA_STAGE_LABELS } from '../../shared/pdsa';
import { APPROVAL_LABELS, DECISION_WORDS, type SmallTest } from '../../shared/small-tests';
import { errorMessage } from '../lib/errors';
import { useDashboard } from './state';

type Decision = 'approve' | 'changes' | 'decline';
const DECISIONS: [Decision, string][] = [
  ['approve', 'Approve'],
  ['changes', 'Ask for changes'],
  ['decline', 'Decline'],
];

/** One test waiting for me: approve it, or send it back or decline it with a reason the clinician reads. */
function Decide({ test, onDone }: { test: SmallTest; onDone: (t: SmallTest) => void }) {
  const dashboard = useDashboard();
  const [decision, setDecision] = useState<Decision>('approve');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const id = `sponsor-${test.cycle.id}`;

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (decision !== 'approve' && !reason.trim()) {
      setError('Say why, so they know what to change.');
      return;
    }
    try {
      const body = { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) };
      const decided = await dashboard.call(endpoints.decideSmallTest, { params: { id: test.cycle.id }, body });
      dashboard.announce(decision === 'approve' ? 'Approved.' : 'Sent to the clinician with your reason.');
      onDone(decided);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={`Decide on ${test.cycle.changeIdea}`}>
      <fieldset>
        <legend>Your decision</legend>
        {DECISIONS.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={id} checked={decision === value} onChange={() => setDecision(value)} /> {label}
          </label>
        ))}
      </fieldset>
      {decision !== 'approve' && (
        <div class="field">
          <label for={`${id}-reason`}>Reason (the clinician reads it)</label>
          <textarea
            id={`${id}-reason`}
            rows={2}
            maxLength={500}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="submit">Send decision</button>
    </form>
  );
}

/**
 * Small tests clinicians asked me to sponsor: those waiting for my decision first, then the ones I
 * approved as they run. Shown only when there are any.
 */
export function SponsorPanel() {
  const dashboard = useDashboard();
  const [tests, setTests] = useState<SmallTest[]>([]);
  useEffect(() => {
    // Asked once the hotspot list is in, so the API serves the first paint's request alone.
    dashboard
      .afterFirstPaint()
      .then(() => dashboard.call(endpoints.mySmallTests, {}))
      .then((r) => setTests(r.tests.filter((t) => t.role === 'sponsor')))
      .catch(() => {});
  }, [dashboard]);
  if (tests.length === 0) return null;
  const replace = (t: SmallTest) => setTests(tests.map((x) => (x.cycle.id === t.cycle.id ? t : x)));
  return (
    <section aria-labelledby="sponsor-title" class="sponsor">
      <h2 id="sponsor-title">Small tests you sponsor</h2>
      <ul>
        {tests.map((t) => (
          <li key={t.cycle.id}>
            <p>
              <strong>{t.cycle.changeIdea}</strong> — {t.cycle.ownerName}
              {t.coachName ? `, coached by ${t.coachName}` : ''}
            </p>
            <p class="muted">
              Predicts: {t.cycle.prediction} · Measure: {t.cycle.measure}
            </p>
            <p>
              {t.approval === 'approved'
                ? t.cycle.decision
                  ? `${DECISION_WORDS[t.cycle.decision]}${t.result ? `: ${t.result}` : ''}`
                  : PDSA_STAGE_LABELS[t.cycle.stage]
                : t.approval === 'pending'
                  ? 'Waiting for your decision'
                  : APPROVAL_LABELS[t.approval]}
            </p>
            {t.approval === 'pending' && <Decide test={t} onDone={replace} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
