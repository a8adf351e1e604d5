import { inject } from 'vitest';
import { Session } from '../../shared/auth';
import { SsoAdminView, type SsoMapping, type SsoMode, SsoProvider, SsoStart } from '../../shared/sso';
import { api, enrollAdmin } from './helpers';

declare module 'vitest' {
  interface ProvidedContext {
    oidcIssuer: string;
    oidcKeysIssuer: string;
    accessTeamDomain: string;
  }
}

let current: 'oidcIssuer' | 'oidcKeysIssuer' = 'oidcIssuer';
/** The real provider started by test/worker/oidc-provider.global.mjs that this file uses. */
export const issuer = () => inject(current);
/** The key tests' own provider (rotation and JWKS outages stay theirs). */
export function useKeysProvider() {
  current = 'oidcKeysIssuer';
}

/** A person no test has signed in yet, shaped like a demo user (`nurse.ada+3f9c…`). */
export const fresh = (demo: string) => `${demo}+${crypto.randomUUID().slice(0, 8)}`;
export const REDIRECT = 'https://curbside-test.chromiumapp.org/';

/** The provider's test controls: rotate its keys, take its JWKS offline, craft the next ID token. */
export async function control(what: 'rotate' | 'jwks' | 'tamper', params: Record<string, string> = {}) {
  const res = await fetch(`${issuer()}/__test/${what}`, { method: 'POST', body: new URLSearchParams(params) });
  if (!res.ok) throw new Error(`control ${what}: ${res.status}`);
  return (await res.json()) as { kid: string };
}

/** Configures the test provider (one per issuer) as an admin would, and returns it with that admin. */
export async function setUpProvider(opts: { mode?: SsoMode; mappings?: SsoMapping[]; requireSso?: boolean } = {}) {
  const admin = await enrollAdmin();
  const view = SsoAdminView.parse(await (await api('/v1/admin/sso', { token: admin.token })).json());
  const body = {
    label: 'Demo hospital',
    issuer: issuer(),
    oidcClientId: 'curbside',
    secretName: 'SSO_CLIENT_SECRET',
    scopes: 'openid email profile groups',
    mode: opts.mode ?? 'jit',
  };
  const existing = view.providers.find((p) => p.issuer === issuer());
  const res = existing
    ? await api(`/v1/admin/sso/providers/${existing.id}`, { method: 'PUT', token: admin.token, body })
    : await api('/v1/admin/sso/providers', { token: admin.token, body });
  if (!res.ok) throw new Error(`provider: ${res.status} ${await res.text()}`);
  const provider = SsoProvider.parse(await res.json());
  const settings = await api('/v1/admin/sso/settings', {
    method: 'PATCH',
    token: admin.token,
    body: { mappings: opts.mappings ?? [], requireSso: opts.requireSso ?? false },
  });
  if (!settings.ok) throw new Error(`settings: ${settings.status} ${await settings.text()}`);
  return { admin, provider };
}

/**
 * Plays the browser's part of launchWebAuthFlow: follows the provider's redirects (its cookies kept)
 * until it sends the browser to the extension's redirect URL, and returns that URL's code and state.
 * `login_hint` picks the demo user on the provider's login step.
 */
export async function authorizeAt(authorizeUrl: string, login: string) {
  const jar = new Map<string, string>();
  const url = new URL(authorizeUrl);
  url.searchParams.set('login_hint', login);
  let next = url.toString();
  for (let hop = 0; hop < 10; hop++) {
    const res = await fetch(next, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${res.status}: ${await res.text()}`);
    await res.body?.cancel();
    next = new URL(location, next).toString();
    if (next.startsWith(REDIRECT)) {
      const params = new URL(next).searchParams;
      return { code: params.get('code') ?? '', state: params.get('state') ?? '' };
    }
  }
  throw new Error('too many redirects');
}

export async function startSso(providerId: string) {
  const res = await api('/v1/auth/sso/start', { body: { providerId, redirectUri: REDIRECT } });
  if (res.status !== 200) throw new Error(`start: ${res.status} ${await res.text()}`);
  return SsoStart.parse(await res.json());
}

/** A whole sign-in; `tamper` makes the provider's token endpoint hand out a crafted ID token. */
export async function ssoSignIn(providerId: string, login: string, tamper?: string) {
  const started = await startSso(providerId);
  const { code, state } = await authorizeAt(started.authorizeUrl, login);
  if (tamper) await control('tamper', { mode: tamper, login });
  return api('/v1/auth/sso/complete', { body: { state, code } });
}

export async function ssoSession(providerId: string, login: string): Promise<Session> {
  const res = await ssoSignIn(providerId, login);
  if (res.status !== 200) throw new Error(`sso: ${res.status} ${await res.text()}`);
  return Session.parse(await res.json());
}
