import { useEffect, useState } from 'preact/hooks';
import type { AccountAuditEntry, DeviceCode } from '../../shared/sign-ins';
import { usePopup } from './state';
import { ViewHeading } from './ViewHeading';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function describe(e: AccountAuditEntry): string {
  const who = e.byYou ? 'You' : `${e.actorName ?? 'An admin'} (admin)`;
  switch (e.action) {
    case 'user.bootstrapped':
      return 'You set up Curbside as its first admin';
    case 'user.enrolled':
      return 'You enrolled';
    case 'code.created':
      return e.byYou ? 'You made a code to sign in on another device' : `${who} made a sign-in code for your account`;
    case 'code.revoked':
      return `${who} revoked a sign-in code for your account`;
    case 'user.signed_in_with_code':
      return `A device signed in as you with a sign-in code made by ${who}`;
    case 'user.signed_in_with_device_code':
      return 'A device signed in as you with a code you made';
    case 'user.logged_out_everywhere':
      return 'You signed out everywhere';
  }
}

/** Signs out every device of this account, this one too, after one confirming step. */
function SignOutEverywhere() {
  const app = usePopup();
  const [confirming, setConfirming] = useState(false);
  const [working, setWorking] = useState(false);

  async function confirm() {
    setWorking(true);
    try {
      if (await app.signOutEverywhere()) await app.signOut();
    } finally {
      setWorking(false);
    }
  }

  if (!confirming)
    return (
      <p>
        <button type="button" disabled={app.busy.value} onClick={() => setConfirming(true)}>
          Sign out everywhere
        </button>
      </p>
    );
  return (
    <div class="confirm">
      <p>
        Sign out of Curbside on every device, this one too? Each one asks for a sign-in again. Anything waiting to send
        stays on its device until then.
      </p>
      <div class="row">
        <button type="button" class="primary" disabled={working} onClick={() => void confirm()}>
          {working ? 'Signing out…' : 'Sign out everywhere'}
        </button>
        <button type="button" disabled={working} onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** "Sign-ins to my account": the audit of this account's sign-ins and codes, a code to add a device, sign out everywhere. */
export function AccountSignIns() {
  const app = usePopup();
  const [entries, setEntries] = useState<AccountAuditEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [code, setCode] = useState<DeviceCode | null>(null);

  async function load(cursor?: string) {
    const page = await app.mySignIns(cursor);
    if (!page) return;
    setEntries((shown) => (cursor ? [...(shown ?? []), ...page.entries] : page.entries));
    setNext(page.nextCursor);
  }

  useEffect(() => void load(), []);

  async function newDeviceCode() {
    const made = await app.createDeviceCode();
    if (!made) return;
    setCode(made);
    void load();
  }

  return (
    <section aria-labelledby="signins-heading">
      <div id="signins-heading">
        <ViewHeading>Sign-ins to my account</ViewHeading>
      </div>
      {entries === null ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <ul class="items">
          {entries.map((e) => (
            <li key={e.id} class="item">
              <p class="item-meta">
                <time dateTime={e.at}>{dateTime.format(new Date(e.at))}</time>
                {e.thisDevice && <span class="new"> · this device</span>}
              </p>
              <p class="item-text">
                {describe(e)}
                {e.label ? ` · “${e.label}”` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)}>
          Show more
        </button>
      )}
      {code ? (
        <div class="notice" aria-live="polite">
          <p>
            Type this code in Curbside on the other device. It works once, until{' '}
            {dateTime.format(new Date(code.expiresAt))}, and is shown only now:
          </p>
          <p>
            <code class="code" data-testid="device-code">
              {code.code}
            </code>
          </p>
        </div>
      ) : (
        <p>
          <button type="button" disabled={app.busy.value} onClick={() => void newDeviceCode()}>
            Sign in on another device
          </button>
        </p>
      )}
      <SignOutEverywhere />
      <div class="row">
        <button type="button" onClick={() => void app.open('home')}>
          Back
        </button>
      </div>
    </section>
  );
}
