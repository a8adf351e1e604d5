import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../../shared/enums';
import { type NoticeKind, notifyPrefsItem, type NotifyPrefs as Prefs } from '../lib/storage';
import { usePopup } from './state';

const INTERVALS = [1, 5, 15, 30];

/** Every kind of notification, for whoever can receive it (roles as in the API contract). */
const KINDS: { kind: NoticeKind; label: string; roles: readonly Role[] }[] = [
  {
    kind: 'answers',
    label: 'Answers to my questions, and mentors asking me something',
    roles: ['clinician', 'mentor', 'lead'],
  },
  {
    kind: 'flags',
    label: 'A new status or response on a flag I sent (anonymous ones too, on this device)',
    roles: ['clinician', 'mentor', 'lead'],
  },
  { kind: 'queue', label: 'New urgent questions and colleagues who need to talk', roles: ['mentor', 'peer_supporter'] },
];

/**
 * One place for every notification: whether Curbside may raise browser notifications at all, which
 * kinds, and how often it checks. The toolbar badge counts every kind either way.
 */
export function NotifyPrefs() {
  const app = usePopup();
  const roles = app.session.value?.user.roles ?? [];
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
  const off = new Set(prefs.off ?? []);
  const toggle = (kind: NoticeKind, on: boolean) => {
    if (on) off.delete(kind);
    else off.add(kind);
    save({ off: [...off] });
  };
  const mine = KINDS.filter((k) => k.roles.some((r) => roles.includes(r)));
  return (
    <details class="prefs">
      <summary>Notifications</summary>
      <label class="check">
        <input
          type="checkbox"
          checked={prefs.notifications}
          onChange={(e) => save({ notifications: e.currentTarget.checked })}
        />{' '}
        Show browser notifications
      </label>
      <fieldset class="kinds" disabled={!prefs.notifications}>
        <legend>Notify me about</legend>
        {mine.map((k) => (
          <label key={k.kind} class="check">
            <input
              type="checkbox"
              checked={!off.has(k.kind)}
              onChange={(e) => toggle(k.kind, e.currentTarget.checked)}
            />{' '}
            {k.label}
          </label>
        ))}
      </fieldset>
      <p class="muted">Clicking a notification opens what it is about. The toolbar count includes all of these.</p>
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
