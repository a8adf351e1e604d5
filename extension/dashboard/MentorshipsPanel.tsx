import { useEffect, useState } from 'preact/hooks';
import type { Mentorship, ProgrammeMentorships } from '../../shared/mentorships';
import { MentorshipCard } from '../ui/MentorshipCard';
import { SelectField } from '../ui/SelectField';
import { useDashboard } from './state';

type MentorLoad = ProgrammeMentorships['mentors'][number];

/** A request for anyone: the lead picks a mentor with room (the API refuses one at capacity or away). */
function Assign({ request, mentors }: { request: Mentorship; mentors: MentorLoad[] }) {
  const store = useDashboard().mentorships;
  const withRoom = mentors.filter((m) => m.hasRoom && m.id !== request.mentee.id);
  const [mentorId, setMentorId] = useState('');
  const [error, setError] = useState('');
  const id = `assign-${request.id}`;
  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!mentorId) {
      setError('Choose a mentor with room.');
      return;
    }
    setError('');
    await store.assign(request.id, mentorId);
  }
  return (
    <li>
      <p>
        <strong>{request.mentee.displayName}</strong> ({request.mentee.discipline}): {request.purpose}
      </p>
      {request.goals && <p class="muted">Goals: {request.goals}</p>}
      {withRoom.length === 0 ? (
        <p class="muted">No mentor has room just now: a mentor can raise their weekly capacity in the inbox.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label={`Assign a mentor to ${request.mentee.displayName}`}>
          <SelectField
            id={id}
            label="Mentor"
            value={mentorId}
            placeholder="Choose a mentor with room"
            options={withRoom.map((m) => ({
              value: m.id,
              label: `${m.displayName} (${m.discipline}, ${m.mentees} of ${m.weeklyCapacity})`,
            }))}
            onChange={setMentorId}
            error={error}
          />
          <button type="submit" class="primary" disabled={store.busy.value}>
            Assign
          </button>
        </form>
      )}
    </li>
  );
}

/**
 * Mentorships across the programme (leads only): requests for anyone to assign within capacity, the
 * pairings running with their goals and next check-in, and each mentor's mentees against capacity.
 */
export function MentorshipsPanel() {
  const dashboard = useDashboard();
  const store = dashboard.mentorships;
  useEffect(() => {
    void store.loadProgramme();
  }, []);
  const data = store.programme.value;
  if (!data) return <p aria-busy="true">Loading mentorships…</p>;
  const toAssign = data.mentorships.filter((m) => m.status === 'requested' && m.awaiting === 'lead');
  const others = data.mentorships.filter((m) => !toAssign.includes(m));
  return (
    <section aria-labelledby="mentorships-title">
      <h2 id="mentorships-title">Mentorships</h2>
      <h3>Waiting for a mentor</h3>
      {toAssign.length === 0 ? (
        <p class="muted">No one is waiting for a mentor.</p>
      ) : (
        <ul class="items">
          {toAssign.map((r) => (
            <Assign key={r.id} request={r} mentors={data.mentors} />
          ))}
        </ul>
      )}
      <h3>Mentorships</h3>
      {others.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="items">
          {others.map((m) => (
            <li key={m.id}>
              <MentorshipCard mentorship={m} store={store} detector={null} />
            </li>
          ))}
        </ul>
      )}
      <h3>Mentors’ room</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Mentor</th>
            <th scope="col">Mentees</th>
            <th scope="col">Weekly capacity</th>
            <th scope="col">Room</th>
          </tr>
        </thead>
        <tbody>
          {data.mentors.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.displayName}</th>
              <td>{m.mentees}</td>
              <td>{m.weeklyCapacity}</td>
              <td>{m.away ? 'Away' : m.hasRoom ? 'Has room' : 'Full'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
