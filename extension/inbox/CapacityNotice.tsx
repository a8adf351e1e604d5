import { useInbox } from './state';

/**
 * The mentor's week against their capacity. At capacity, new questions spill to colleagues with room
 * (the API's routing decides it); the inbox says so, so a shorter queue is not taken for a quiet one.
 */
export function CapacityNotice() {
  const profile = useInbox().profile.value;
  if (!profile) return null;
  const { answeredThisWeek: answered, weeklyCapacity: capacity } = profile;
  const week = `${answered} of ${capacity} question${capacity === 1 ? '' : 's'} answered in the last 7 days`;
  if (answered < capacity) return <p class="hint">{week}.</p>;
  return (
    <p class="notice" role="status">
      <strong>At capacity:</strong> {week}. New questions in your topics go to colleagues with room first; you still see
      those nobody else can take, and everything handed to you.
    </p>
  );
}
