import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SsoPublicProviders } from '../../shared/sso';
import { SSO_MESSAGE, SSO_PROVIDERS_MESSAGE } from '../lib/sso-messages';
import { usePopup } from './state';

type Result = { ok: true; displayName: string } | { ok: false; message: string };

/**
 * The OIDC providers to offer: the one IT preset by policy alone; every one when there is no preset, or
 * when the API does not list it (a stale or mistyped id must not leave staff without a way in).
 */
export function offeredProviders(list: SsoPublicProviders | null, presetId: string | undefined) {
  const oidc = (list?.providers ?? []).filter((p) => p.kind === 'oidc');
  const preset = oidc.filter((p) => p.id === presetId);
  return preset.length > 0 ? preset : oidc;
}

/**
 * "Sign in with your organisation": one button per identity provider the API lists. The sign-in runs
 * in the background (lib/sso.ts), since this popup closes when the provider's window opens; when it
 * finishes with the popup still open, the popup starts again from the stored session.
 */
export function SsoSignIn({ send = (m: unknown): Promise<unknown> => browser.runtime.sendMessage(m) }) {
  const app = usePopup();
  const apiUrl = app.apiUrl.value;
  const list = useSignal<SsoPublicProviders | null>(null);
  const message = useSignal('');
  const busy = useSignal(false);

  useEffect(() => {
    if (!apiUrl) return;
    // No providers (or an API that cannot be reached yet) leaves the code form alone.
    send({ type: SSO_PROVIDERS_MESSAGE, apiUrl })
      .then((l) => (list.value = (l as SsoPublicProviders | null) ?? null))
      .catch(() => (list.value = null));
  }, [apiUrl]);

  // Cloudflare Access signs people in before the API is reached: only OIDC providers have a button.
  const providers = offeredProviders(list.value, app.policy.value.ssoProviderId);
  if (providers.length === 0) return null;

  async function signIn(providerId: string) {
    busy.value = true;
    message.value = '';
    const result = (await send({ type: SSO_MESSAGE, apiUrl, providerId }).catch(
      (): Result => ({ ok: false, message: 'Sign-in could not start. Try again.' }),
    )) as Result;
    busy.value = false;
    if (result.ok) globalThis.location.reload();
    else message.value = result.message;
  }

  return (
    <div class="sso">
      {providers.map((p) => (
        <button key={p.id} type="button" class="primary" disabled={busy.value} onClick={() => signIn(p.id)}>
          Sign in with your organisation{providers.length > 1 ? ` (${p.label})` : ''}
        </button>
      ))}
      {message.value && (
        <p class="error" role="alert">
          {message.value}
        </p>
      )}
      <p class="hint">
        {list.value?.requireSso
          ? 'Your organisation signs in with its own account. Codes are for admins only.'
          : 'Or sign in with a code:'}
      </p>
    </div>
  );
}
