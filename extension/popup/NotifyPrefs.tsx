import { useEffect, useState } from 'preact/hooks';
import { notifyPrefsItem } from '../lib/storage';

type Prefs = Awaited<ReturnType<typeof notifyPrefsItem.getValue>>;

const INTERVALS = [1, 5, 15, 30];

/** Each user decides whether Curbside may raise browser notifications, and how often it checks. */
export function NotifyPrefs() {
  const [prefs, setPrefs] = useState<Prefs | null>(null);
  useEffect(() => {
    void notifyPrefsItem.getValue().then(setPrefs);
  }, []);
  if (!prefs) return null;
  const save = (patch: Partial<Prefs>) => {
    const next = { ...prefs, ...patch };
    setPrefs(next);
    void notifyPrefsItem.setValue(next);
  };
  return (
    <details class="prefs">
      <summary>Notifications</summary>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.notifications}
          onChange={(e) => save({ notifications: e.currentTarget.checked })}
        />{' '}
        Show browser notifications for new answers and urgent questions
      </label>
      <label for="notify-interval">Check for new items every</label>
      <select
        id="notify-interval"
        value={String(prefs.intervalMinutes)}
        onChange={(e) => save({ intervalMinutes: Number(e.currentTarget.value) })}
      >
        {INTERVALS.map((m) => (
          <option key={m} value={String(m)}>
            {m === 1 ? '1 minute' : `${m} minutes`}
          </option>
        ))}
      </select>
    </details>
  );
}
