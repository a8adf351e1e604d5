import { useSignal } from '@preact/signals';
import { readSignInLink } from '../lib/signin-link';
import { lazyPart } from './LazyView';
import { usePopup } from './state';
import { ViewHeading } from './ViewHeading';

// Loaded after the form renders: the popup's first render stays within its 25 KB budget, and the
// organisation's sign-in button appears as soon as the providers are known anyway.
const SsoSignIn = lazyPart(() => import('./SsoSignIn').then((m) => m.SsoSignIn));

export function SignIn() {
  const app = usePopup();
  // Opened from a sign-in link an admin sent (lib/signin-link.ts): the code and address come filled in.
  const fromLink = readSignInLink(globalThis.location?.hash ?? '');
  const apiUrl = useSignal(fromLink?.apiUrl && !app.apiUrlLocked.value ? fromLink.apiUrl : app.apiUrl.value);
  const code = useSignal(fromLink?.code ?? '');
  const displayName = useSignal('');
  // Read once: a link that brought another address opens the server field; typing never folds it.
  const serverOpen = useSignal(apiUrl.value !== app.apiUrl.value).peek();
  const org = app.policy.value.organisationName;
  const locked = app.apiUrlLocked.value;

  function onSubmit(e: Event) {
    e.preventDefault();
    // Called straight from the submit so the permission prompt keeps the user's gesture.
    void app.signIn({ apiUrl: apiUrl.value, code: code.value, displayName: displayName.value });
  }

  const apiField = (
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
  );

  return (
    <form onSubmit={onSubmit} noValidate>
      <ViewHeading>Sign in to Curbside{org ? ` · ${org}` : ''}</ViewHeading>
      <SsoSignIn />
      {app.needsSignIn.value && (
        <p class="notice">Your sign-in has ended. Sign in again; anything waiting to send will go then.</p>
      )}
      {locked ? (
        apiField
      ) : (
        // The address is IT's business, not a clinician's: the build or policy sets it, so it stays folded
        // away (open when a sign-in link brought a different one, so nobody is surprised where they sign in).
        <details class="advanced" open={serverOpen}>
          <summary>Server: {hostOf(apiUrl.value)} (change only if IT asks)</summary>
          {apiField}
        </details>
      )}
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

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url || 'not set';
  }
}
