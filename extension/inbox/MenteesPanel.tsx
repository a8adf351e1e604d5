import { useEffect } from 'preact/hooks';
import { MentorshipCard } from '../ui/MentorshipCard';
import { useInbox } from './state';

/**
 * A mentor's standing pairings: requests to accept or decline (at capacity the API refuses an accept
 * and says why), then mentees with their goals and next check-in. Shown only when there is one.
 */
export function MenteesPanel() {
  const inbox = useInbox();
  const store = inbox.mentorships;
  // Once the queue is in: the first paint's request goes alone.
  useEffect(() => {
    void inbox.afterFirstPaint().then(store.load);
  }, []);
  const mine = (store.mine.value ?? []).filter((m) => m.myRole === 'mentor');
  const requests = mine.filter((m) => m.status === 'requested');
  const mentees = mine.filter((m) => m.status === 'active');
  if (requests.length === 0 && mentees.length === 0) return null;
  const card = (m: (typeof mine)[number]) => (
    <li key={m.id}>
      <MentorshipCard mentorship={m} store={store} detector={inbox.detector.value} />
    </li>
  );
  return (
    <section class="mentees" aria-labelledby="mentees-heading">
      <h2 id="mentees-heading">Mentorships</h2>
      {requests.length > 0 && (
        <>
          <h3>Asking you to mentor them</h3>
          <ul class="items">{requests.map(card)}</ul>
        </>
      )}
      {mentees.length > 0 && (
        <>
          <h3>My mentees</h3>
          <ul class="items">{mentees.map(card)}</ul>
        </>
      )}
    </section>
  );
}
