import { useState } from 'preact/hooks';
import { MENTORSHIP_STATUS_LABELS, type Mentorship, RHYTHM_LABELS, Rhythm } from '../../shared/mentorships';
import type { ConfirmedSpan } from '../../shared/text';
import type { Mentorships } from '../lib/mentorships';
import type { Detector } from '../lib/phi';
import { CheckedTextField } from './CheckedTextField';
import { SelectField } from './SelectField';
import { SendAnyway } from './SendAnyway';
import { useIdentifierGate } from './useIdentifierGate';

const GOALS_MAX = 1500;
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const RHYTHMS = Rhythm.options.map((r) => ({ value: r, label: RHYTHM_LABELS[r] }));

interface Props {
  mentorship: Mentorship;
  store: Mentorships;
  detector: Detector | null;
}

/** Who the viewer is paired with, in their words. */
function heading(m: Mentorship): string {
  if (m.myRole === 'mentee') return m.mentor ? `Mentor: ${m.mentor.displayName}` : 'Mentor: a lead is finding one';
  if (m.myRole === 'mentor') return `Mentee: ${m.mentee.displayName}`;
  return `${m.mentee.displayName} with ${m.mentor?.displayName ?? 'no mentor yet'}`;
}

/**
 * One mentorship, shared by the popup (mentee), the inbox (mentor) and the dashboard (lead): purpose,
 * agreed goals, rhythm and the next check-in, with the actions the viewer's side has. Ending asks for
 * no reason; goals are checked for identifiers like any typed text.
 */
export function MentorshipCard({ mentorship: m, store, detector }: Props) {
  const [editing, setEditing] = useState(false);
  const [goals, setGoals] = useState(m.goals);
  const [rhythm, setRhythm] = useState<Rhythm>(m.rhythm);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const gate = useIdentifierGate(
    (confirmed) => void save(confirmed),
    ([redacted = '']) => setGoals(redacted),
  );
  const party = m.myRole !== 'lead';
  const live = m.status === 'requested' || m.status === 'active';
  const busy = store.busy.value;

  async function save(confirmed?: ConfirmedSpan[]) {
    if (await store.saveGoals(m.id, goals.trim(), rhythm, confirmed)) setEditing(false);
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (!goals.trim() || goals.length > GOALS_MAX) return;
    gate.check(detector, [goals]);
  }

  const id = `mentorship-${m.id}`;
  return (
    <article class="mentorship" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{heading(m)}</h3>
      <p class="item-meta">
        {MENTORSHIP_STATUS_LABELS[m.status]}
        {m.status === 'requested' && m.awaiting === 'lead' && ' · waiting for a programme lead to assign a mentor'}
        {m.status === 'requested' && m.awaiting === 'mentor' && m.myRole !== 'mentor' && ' · waiting for the mentor'}
      </p>
      <p>{m.purpose}</p>
      {editing ? (
        <form onSubmit={onSubmit} noValidate>
          <CheckedTextField
            id={`${id}-goals`}
            label="Agreed goals"
            value={goals}
            onInput={(v) => {
              gate.cancel();
              setGoals(v);
            }}
            maxLength={GOALS_MAX}
            detector={detector}
            rows={3}
          />
          <SelectField
            id={`${id}-rhythm`}
            label="Check in"
            value={rhythm}
            options={RHYTHMS}
            onChange={(v) => setRhythm(v as Rhythm)}
          />
          {gate.pending ? (
            <SendAnyway gate={gate} />
          ) : (
            <div class="row">
              <button type="submit" class="primary" disabled={busy}>
                Save goals
              </button>
              <button type="button" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          )}
        </form>
      ) : (
        <dl>
          <dt>Goals</dt>
          <dd>{m.goals || <span class="muted">None agreed yet</span>}</dd>
          <dt>Check in</dt>
          <dd>{RHYTHM_LABELS[m.rhythm]}</dd>
          {m.nextCheckInAt && (
            <>
              <dt>Next check-in</dt>
              <dd>{day.format(new Date(m.nextCheckInAt))}</dd>
            </>
          )}
        </dl>
      )}
      {m.remindedAt && m.status === 'active' && (
        <p class="notice" role="status">
          A check-in is due (reminded {day.format(new Date(m.remindedAt))}).
        </p>
      )}
      {party && live && !editing && (
        <div class="row">
          {m.myRole === 'mentor' && m.status === 'requested' && (
            <>
              <button type="button" class="primary" disabled={busy} onClick={() => void store.accept(m.id)}>
                Accept
              </button>
              <button type="button" disabled={busy} onClick={() => void store.decline(m.id)}>
                Decline
              </button>
            </>
          )}
          {m.status === 'active' && (
            <>
              <button type="button" disabled={busy} onClick={() => void store.checkIn(m.id)}>
                We met
              </button>
              <button type="button" disabled={busy} onClick={() => setEditing(true)}>
                Edit goals
              </button>
            </>
          )}
          {(m.status === 'active' || m.myRole === 'mentee') &&
            (confirmEnd ? (
              <>
                <button type="button" class="danger" disabled={busy} onClick={() => void store.end(m.id)}>
                  {m.status === 'active' ? 'Yes, end it' : 'Yes, withdraw it'}
                </button>
                <button type="button" onClick={() => setConfirmEnd(false)}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" disabled={busy} onClick={() => setConfirmEnd(true)}>
                {m.status === 'active' ? 'End mentorship' : 'Withdraw request'}
              </button>
            ))}
        </div>
      )}
      {confirmEnd && <p class="muted">No reason is asked. The other side sees that it ended.</p>}
    </article>
  );
}
