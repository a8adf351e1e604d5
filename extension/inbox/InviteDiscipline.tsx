import { useState } from 'preact/hooks';
import { DISCIPLINE_LABELS, Discipline } from '../../shared/enums';
import type { QueueItemDetail } from '../../shared/mentoring';
import { useInbox } from './state';

/**
 * Across disciplines: the mentor holding a question brings a second discipline in (a pharmacist into a
 * nurse's question) without handing it off. Mentors who answer for it read the thread and may answer;
 * the claim, the SLA and closing stay with the holder.
 */
export function InviteDiscipline({ item }: { item: QueueItemDetail }) {
  const inbox = useInbox();
  const choices = Discipline.options.filter((d) => !item.invites.includes(d));
  const [discipline, setDiscipline] = useState<Discipline | ''>('');
  const chosen = discipline || choices[0] || '';
  return (
    <form
      class="row invite"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) void inbox.invite(item.id, chosen);
      }}
    >
      {item.invites.length > 0 && (
        <p class="muted">Also invited: {item.invites.map((d) => DISCIPLINE_LABELS[d]).join(', ')}</p>
      )}
      {choices.length > 0 && (
        <>
          <label for="invite-discipline">Invite a discipline into this thread</label>
          <select
            id="invite-discipline"
            value={chosen}
            onChange={(e) => setDiscipline(e.currentTarget.value as Discipline)}
          >
            {choices.map((d) => (
              <option key={d} value={d}>
                {DISCIPLINE_LABELS[d]}
              </option>
            ))}
          </select>
          <button type="submit" disabled={inbox.busy.value}>
            Invite
          </button>
        </>
      )}
    </form>
  );
}
