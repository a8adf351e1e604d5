import { useSignal } from '@preact/signals';
import { readSignInLink } from '../lib/signin-link';
import { SsoSignIn } from './SsoSignIn';
import { usePopup } from './state';
import { ViewHeading } from './ViewHeading';

export function SignIn() {
  const app = usePopup();
  // Opened from a sign-in link an admin sent (lib/signin-link.ts): the code and address come filled in.
  const fromLink = readSignInLink(globalThis.location?.hash ?? '');
  const apiUrl = useSignal(fromLink?.apiUrl && !app.apiUrlLocked.value ? fromLink.apiUrl : app.apiUrl.value);
  const code = useSignal(fromLink?.code ?? '');
  const displayName = useSignal('');
  const org = app.policy.value.organisationName;
  const locked = app.apiUrlLocked.value;

  function onSubmit(e: Event) {
    e.preventDefault();
    // Called straight from the submit so the permission prompt keeps the user's gesture.
    void app.signIn({ apiUrl: apiUrl.value, code: code.value, displayName: displayName.value });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <ViewHeading>Sign in to Curbside{org ? ` · ${org}` : ''}</ViewHeading>
      <SsoSignIn />
      {app.needsSignIn.value && (
        <p class="notice">Your sign-in has ended. Sign in again; anything waiting to send will go then.</p>
      )}
      <div class="field">
        <label for="signin-api">API address</label>
        <input
          id="signin-api"
          type="url"
          inputMode="url"
          autoComplete="url"
          value={apiUrl.value}
          readOnly={locked}
          aria-describedby={locked ? 'signin-api-hint' : undefined}
          onInput={(e) => {
            apiUrl.value = e.currentTarget.value;
          }}
        />
        {locked && (
          <p id="signin-api-hint" class="hint">
            Set by your organisation.
          </p>
        )}
      </div>
      <div class="field">
        <label for="signin-code">Code</label>
        <input
          id="signin-code"
          type="text"
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellcheck={false}
          required
          value={code.value}
          aria-describedby="signin-code-hint"
          onInput={(e) => {
            code.value = e.currentTarget.value;
          }}
        />
        <p id="signin-code-hint" class="hint">
          The enrollment or sign-in code you were given.
        </p>
      </div>
      <div class="field">
        <label for="signin-name">Your name (optional)</label>
        <input
          id="signin-name"
          type="text"
          autoComplete="name"
          maxLength={80}
          value={displayName.value}
          onInput={(e) => {
            displayName.value = e.currentTarget.value;
          }}
        />
      </div>
      <button type="submit" class="primary" disabled={app.busy.value}>
        Sign in
      </button>
    </form>
  );
}
