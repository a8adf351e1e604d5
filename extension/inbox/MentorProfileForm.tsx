import { useSignal } from '@preact/signals';
import { DISCIPLINE_LABELS, type Discipline } from '../../shared/enums';
import { useInbox } from './state';

const DISCIPLINES = Object.entries(DISCIPLINE_LABELS) as [Discipline, string][];

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** What reaches this mentor: their topics and disciplines, a weekly capacity, and "away". */
export function MentorProfileForm() {
  const inbox = useInbox();
  const current = inbox.profile.value;
  const topicIds = useSignal<string[]>(current?.topicIds ?? []);
  const disciplines = useSignal<Discipline[]>(current?.disciplines ?? []);
  const capacity = useSignal(String(current?.weeklyCapacity ?? 5));
  const away = useSignal(current?.away ?? false);

  async function save(e: Event) {
    e.preventDefault();
    const weeklyCapacity = Number(capacity.value);
    await inbox.saveProfile({
      topicIds: topicIds.value,
      disciplines: disciplines.value,
      weeklyCapacity: Number.isInteger(weeklyCapacity) && weeklyCapacity >= 0 ? weeklyCapacity : 0,
      away: away.value,
    });
  }

  return (
    <details class="profile" open={!current || current.topicIds.length === 0}>
      <summary>My mentor profile{current ? ` · ${current.answeredThisWeek} answered this week` : ''}</summary>
      <form onSubmit={save} aria-label="My mentor profile">
        <fieldset>
          <legend>Topics I answer</legend>
          {inbox.topics.value.map((t) => (
            <label key={t.id} class="check">
              <input
                type="checkbox"
                checked={topicIds.value.includes(t.id)}
                onChange={(e) => (topicIds.value = toggle(topicIds.value, t.id, e.currentTarget.checked))}
              />{' '}
              {t.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Disciplines I mentor</legend>
          {DISCIPLINES.map(([value, label]) => (
            <label key={value} class="check">
              <input
                type="checkbox"
                checked={disciplines.value.includes(value)}
                onChange={(e) => (disciplines.value = toggle(disciplines.value, value, e.currentTarget.checked))}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        <label for="profile-capacity">Questions I can take a week</label>
        <input
          id="profile-capacity"
          type="number"
          min={0}
          max={200}
          value={capacity.value}
          aria-describedby="profile-capacity-hint"
          onInput={(e) => (capacity.value = e.currentTarget.value)}
        />
        <p class="hint" id="profile-capacity-hint">
          Once you have answered this many in 7 days, new questions go to colleagues with room first.
        </p>
        <label class="check">
          <input type="checkbox" checked={away.value} onChange={(e) => (away.value = e.currentTarget.checked)} /> I am
          away (no new questions are routed to me)
        </label>
        <button type="submit" disabled={inbox.busy.value}>
          Save my profile
        </button>
      </form>
    </details>
  );
}
