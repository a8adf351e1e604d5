import { useEffect, useState } from 'preact/hooks';
import { RHYTHM_LABELS, Rhythm } from '../../shared/mentorships';
import type { ConfirmedSpan } from '../../shared/text';
import type { Mentorships } from '../lib/mentorships';
import { CheckedTextField } from '../ui/CheckedTextField';
import { MentorshipCard } from '../ui/MentorshipCard';
import { SelectField } from '../ui/SelectField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

const PURPOSE_MAX = 200;
const GOALS_MAX = 1500;
const RHYTHMS = Rhythm.options.map((r) => ({ value: r, label: RHYTHM_LABELS[r] }));

/** The popup's mentorship store, loaded once it arrives; null until then. */
export function useMentorships(): Mentorships | null {
  const app = usePopup();
  const [store, setStore] = useState<Mentorships | null>(null);
  useEffect(() => {
    let live = true;
    void app.mentorshipStore().then(async (s) => {
      await s.load();
      if (live) setStore(s);
    });
    return () => {
      live = false;
    };
  }, []);
  return store;
}

/** Asking for a mentor: a named one with room, or anyone (a programme lead assigns one). */
function RequestForm({ store }: { store: Mentorships }) {
  const app = usePopup();
  const [mentorId, setMentorId] = useState('');
  const [purpose, setPurpose] = useState('');
  const [goals, setGoals] = useState('');
  const [rhythm, setRhythm] = useState<Rhythm>('fortnightly');
  const [error, setError] = useState('');
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    ([p = '', g = '']) => {
      setPurpose(p);
      setGoals(g);
    },
  );
  useEffect(() => {
    void app.ensureDetector();
    if (!store.choices.value) void store.loadChoices();
  }, []);
  const withRoom = (store.choices.value ?? []).filter((m) => m.hasRoom);

  async function send(confirmed?: ConfirmedSpan[]) {
    await store.request({
      ...(mentorId ? { mentorId } : {}),
      purpose: purpose.trim(),
      ...(goals.trim() ? { goals: goals.trim() } : {}),
      rhythm,
      ...(confirmed ? { confirmedSpans: confirmed } : {}),
    });
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!purpose.trim()) {
      setError('Say what the mentorship is for.');
      document.getElementById('mentorship-purpose')?.focus();
      return;
    }
    setError('');
    await app.ensureDetector();
    gate.check(app.detector.value, [purpose, goals]);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ask for a mentor">
      <SelectField
        id="mentorship-mentor"
        label="Mentor"
        value={mentorId}
        options={[
          { value: '', label: 'Anyone: a programme lead finds one with room' },
          ...withRoom.map((m) => ({ value: m.id, label: `${m.displayName} (${m.discipline})` })),
        ]}
        onChange={setMentorId}
      />
      <CheckedTextField
        id="mentorship-purpose"
        label="What is it for?"
        hint="For example: my residency year, new to the charge nurse role."
        value={purpose}
        onInput={(v) => {
          gate.cancel();
          setPurpose(v);
        }}
        maxLength={PURPOSE_MAX}
        detector={app.detector.value}
        multiline={false}
        error={error}
      />
      <CheckedTextField
        id="mentorship-goals"
        label="Goals (optional, you agree them together)"
        value={goals}
        onInput={(v) => {
          gate.cancel();
          setGoals(v);
        }}
        maxLength={GOALS_MAX}
        detector={app.detector.value}
        rows={3}
      />
      <SelectField
        id="mentorship-rhythm"
        label="Check in"
        value={rhythm}
        options={RHYTHMS}
        onChange={(v) => setRhythm(v as Rhythm)}
      />
      {gate.pending ? (
        <SendAnyway gate={gate} />
      ) : (
        <button type="submit" class="primary" disabled={store.busy.value}>
          Ask for a mentor
        </button>
      )}
    </form>
  );
}

/**
 * My mentorship, as mentee: the request or pairing with its goals and next check-in, or a way to ask
 * for one. Opt-in: nothing happens until the clinician asks. (A mentor's mentees are in the inbox.)
 */
export function MyMentorship() {
  const app = usePopup();
  const store = useMentorships();
  if (!store) return null;
  const mine = (store.mine.value ?? []).filter((m) => m.myRole === 'mentee');
  const live = mine.find((m) => m.status === 'requested' || m.status === 'active');
  return (
    <section class="mentorship-section" aria-labelledby="mentorship-heading">
      <h2 id="mentorship-heading">My mentorship</h2>
      {live ? (
        <MentorshipCard mentorship={live} store={store} detector={app.detector.value} />
      ) : (
        <details class="growth">
          <summary>Ask for a mentor</summary>
          <p class="muted">
            A standing pairing for a period: agreed goals, check-ins on a rhythm you choose, and your questions can go
            to your mentor first. Either of you can end it at any time, without giving a reason.
          </p>
          <RequestForm store={store} />
        </details>
      )}
    </section>
  );
}
