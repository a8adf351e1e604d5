import { findAccessProvider } from '../db/sso';
import type { Env } from '../env';
import { ApiError } from '../lib/errors';
import { issueSsoSession } from './sso';
import { refusedToken, verifyIdToken } from './sso-verify';

/**
 * Cloudflare Access in front of the API signs every request it lets through with an assertion for the
 * person (Cf-Access-Jwt-Assertion). It is verified like an ID token, against the team's keys at
 * <team domain>/cdn-cgi/access/certs, issuer the team domain, audience the application's AUD tag; then
 * the same identity mapping as OIDC gives a Curbside session. An assertion lives as long as the Access
 * session, so it has no nonce and no short maximum age; its `exp` still holds.
 */
export async function signInWithAccess(env: Env, assertion: string | undefined, at: number) {
  const provider = await findAccessProvider(env.DB);
  if (!provider)
    throw new ApiError(404, 'not_found', 'Cloudflare Access is not configured', { reason: 'unknown_provider' });
  if (!assertion) throw refusedToken('no_assertion', 'The request did not come through Cloudflare Access');
  const claims = await verifyIdToken(
    env,
    { issuer: provider.issuer, jwks_uri: `${provider.issuer}/cdn-cgi/access/certs` },
    assertion,
    { clientId: provider.oidcClientId, nonce: null, at, maxAge: null },
  );
  // Access signs the e-mail the organisation's identity provider gave it; it sends no email_verified.
  const verified = typeof claims.email === 'string' ? { ...claims, email_verified: true } : claims;
  return issueSsoSession(env.DB, provider, verified, at);
}
