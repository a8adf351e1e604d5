import { useEffect, useState } from 'preact/hooks';
import type { NewSignIn } from '../../shared/sign-ins';
import { usePopup } from './state';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** How the device got in, in the user's words. */
export function signInHow(s: Pick<NewSignIn, 'method' | 'issuedByName'>): string {
  switch (s.method) {
    case 'admin_code':
      return `with a sign-in code made by ${s.issuedByName ?? 'an admin'} (admin)`;
    case 'device_code':
      return 'with a code made on one of your signed-in devices';
    case 'enrolled':
      return 'by enrolling with a code';
    case 'bootstrap':
      return 'as the first admin';
    default:
      return 'before Curbside recorded sign-ins';
  }
}

/**
 * "A new device signed in as you on …": every sign-in to this account since this device last
 * acknowledged, shown at the top of the popup until acknowledged here. A device an admin signed in
 * cannot acknowledge it away from the user's other devices (the API keeps one cursor per device).
 */
export function SignInNotice() {
  const app = usePopup();
  const userId = app.userId.value;
  const [signIns, setSignIns] = useState<NewSignIn[]>([]);

  useEffect(() => {
    setSignIns([]);
    if (userId) void app.newSignIns().then(setSignIns);
  }, [userId]);

  if (signIns.length === 0) return null;
  const newest = signIns.reduce((a, b) => (a.at > b.at ? a : b));

  async function acknowledge() {
    if (await app.acknowledgeSignIns(newest.at)) setSignIns([]);
  }

  async function signOutEverywhere() {
    if (await app.signOutEverywhere()) await app.signOut();
  }

  return (
    <section class="signin-notice" aria-labelledby="signin-notice-heading">
      <h2 id="signin-notice-heading">
        {signIns.length === 1 ? 'A new device signed in as you' : `${signIns.length} new devices signed in as you`}
      </h2>
      <ul>
        {signIns.map((s) => (
          <li key={s.id}>
            On <time dateTime={s.at}>{dateTime.format(new Date(s.at))}</time>, {signInHow(s)}
            {s.label ? ` · device “${s.label}”` : ''}
          </li>
        ))}
      </ul>
      <p class="hint">Not you? Sign out everywhere, then tell your Curbside admin or IT.</p>
      <div class="row">
        <button type="button" class="primary" onClick={() => void acknowledge()}>
          Acknowledge
        </button>
        <button type="button" onClick={() => void app.open('signins')}>
          All sign-ins
        </button>
        <button type="button" disabled={app.busy.value} onClick={() => void signOutEverywhere()}>
          Not me: sign out everywhere
        </button>
      </div>
    </section>
  );
}
