import { browser } from 'wxt/browser';
import { endpoints } from '../../shared/api';
import type { Session } from '../../shared/auth';
import type { SsoPublicProviders } from '../../shared/sso';
import { ApiError } from '../lib/errors';
import { createSessionApi } from '../lib/session-api';
import { SSO_MESSAGE, SSO_PROVIDERS_MESSAGE } from '../lib/sso-messages';
import { lastActiveItem, needsSignInItem, sessionItem } from '../lib/storage';

type IdentityBrowser = Pick<typeof browser, 'identity' | 'runtime'>;

export interface SsoDeps {
  browser?: IdentityBrowser;
  fetchFn?: typeof fetch;
  now?: () => number;
}

// Not signed in yet: the session is only where the API is, with no token.
const client = (apiUrl: string, deps: SsoDeps) =>
  createSessionApi({
    session: () => ({ apiUrl }),
    fetchFn: deps.fetchFn,
    version: () => (deps.browser ?? browser).runtime.getManifest().version,
  });

/** The organisation's identity providers, for the "Sign in with your organisation" button. */
export async function listSsoProviders(apiUrl: string, deps: SsoDeps = {}): Promise<SsoPublicProviders> {
  return client(apiUrl, deps).call(endpoints.ssoProviders, {});
}

/**
 * Signs in with the organisation's OpenID provider: the API starts the flow (it keeps the state, nonce
 * and PKCE verifier), the browser's own window shows the provider's page (launchWebAuthFlow, which
 * hands back the redirect to browser.identity.getRedirectURL() without loading it), and the API
 * completes it. The state that comes back must be the one sent, or nothing is exchanged.
 */
export async function signInWithSso(
  input: { apiUrl: string; providerId: string },
  deps: SsoDeps = {},
): Promise<Session> {
  const b = deps.browser ?? browser;
  const api = client(input.apiUrl, deps);
  const redirectUri = b.identity.getRedirectURL();
  const started = await api.call(endpoints.ssoStart, { body: { providerId: input.providerId, redirectUri } });
  const responseUrl = await b.identity.launchWebAuthFlow({ url: started.authorizeUrl, interactive: true });
  if (!responseUrl) throw new ApiError(400, 'bad_request', 'The sign-in window closed before it finished.');
  const params = new URL(responseUrl).searchParams;
  const error = params.get('error');
  if (error)
    throw new ApiError(401, 'unauthorized', params.get('error_description') ?? `Your organisation refused: ${error}`);
  if (params.get('state') !== started.state)
    throw new ApiError(400, 'bad_request', 'The sign-in answer does not belong to this sign-in; try again.');
  const session = await api.call(endpoints.ssoComplete, {
    body: { state: started.state, code: params.get('code') ?? '' },
  });
  await Promise.all([
    sessionItem.setValue({ ...session, apiUrl: input.apiUrl }),
    needsSignInItem.setValue(false),
    lastActiveItem.setValue((deps.now ?? Date.now)()),
  ]);
  return session;
}

/**
 * The popup closes when the provider's window takes focus, ending any work it had started, so the
 * sign-in runs in the background and the popup reads the stored session when it opens again. The
 * provider list is asked there too, so the popup itself only talks to the API through its state.
 */
export function registerSsoSignIn(b: IdentityBrowser = browser, deps: Omit<SsoDeps, 'browser'> = {}) {
  // Answered through sendResponse (and `return true`), which every browser and the test fake support.
  b.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
    const m = message as { type?: string; apiUrl?: string; providerId?: string } | null;
    let work: Promise<unknown>;
    if (m?.type === SSO_PROVIDERS_MESSAGE && m.apiUrl)
      work = listSsoProviders(m.apiUrl, { ...deps, browser: b }).catch(() => null);
    else if (m?.type === SSO_MESSAGE && m.apiUrl && m.providerId)
      work = signInWithSso({ apiUrl: m.apiUrl, providerId: m.providerId }, { ...deps, browser: b }).then(
        (s) => ({ ok: true as const, displayName: s.user.displayName }),
        (e: unknown) => ({ ok: false as const, message: e instanceof Error ? e.message : 'Sign-in failed.' }),
      );
    else return undefined;
    void work.then(sendResponse);
    return true;
  });
}
