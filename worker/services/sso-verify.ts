import type { JWTPayload } from 'jose';
import type { Env, JwtCheck } from '../env';
import { ApiError } from '../lib/errors';
import { cachedJwks, type Discovery, type Jwks, refreshJwks } from './sso-metadata';

/** Asymmetric algorithms only: `none` and the HMAC family (keyed with the client secret) are refused. */
export const ALLOWED_ALGS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];
/** Clocks of the provider and Cloudflare may differ a little; a minute either way is accepted. */
export const CLOCK_SKEW_S = 60;

export const refusedToken = (reason: string, message = 'The identity provider’s answer could not be verified') =>
  new ApiError(401, 'unauthorized', message, { reason });

const hasKey = (jwks: Jwks | null, kid: string | undefined) =>
  !!jwks && jwks.keys.some((k) => kid === undefined || k.kid === kid);

/**
 * The token's header, read before its signature is checked only to pick the key (`kid`) and refuse an
 * algorithm early; the verifier checks both again. jose's decodeProtectedHeader, without jose in the API.
 */
function decodeHeader(token: string): { alg?: unknown; kid?: string } {
  const part = token.split('.')[0] ?? '';
  if (!/^[A-Za-z0-9_-]+$/.test(part)) throw new TypeError('malformed');
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  const header: unknown = JSON.parse(new TextDecoder().decode(bytes));
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new TypeError('malformed');
  const kid = (header as { kid?: unknown }).kid;
  return { alg: (header as { alg?: unknown }).alg, kid: typeof kid === 'string' ? kid : undefined };
}

/**
 * Verifies an ID token from the token endpoint: signature by the provider's JWKS (cached; read again
 * only when the token names a key not held), `iss`, `aud`, `exp`/`iat` within the skew, the `nonce`
 * of this sign-in. The refresh on an unknown `kid` is not an amplifier: a token reaches here only from
 * the provider's own token endpoint, after a valid code. When the JWKS cannot be read, keys already
 * held still verify and an unknown key fails closed.
 */
export async function verifyIdToken(
  env: Pick<Env, 'DB' | 'VERIFIER'>,
  discovery: Pick<Discovery, 'issuer' | 'jwks_uri'>,
  idToken: string,
  expected: { clientId: string; nonce: string | null; at: number; maxAge?: string | null },
): Promise<JWTPayload & { sub: string }> {
  const db = env.DB;
  let header: ReturnType<typeof decodeHeader>;
  try {
    header = decodeHeader(idToken);
  } catch {
    throw refusedToken('malformed');
  }
  if (typeof header.alg !== 'string' || !ALLOWED_ALGS.includes(header.alg)) throw refusedToken('alg_not_allowed');
  let jwks = await cachedJwks(db, discovery.issuer);
  if (!hasKey(jwks, header.kid)) {
    jwks = await refreshJwks(db, discovery.issuer, discovery.jwks_uri, expected.at);
    if (!hasKey(jwks, header.kid)) throw refusedToken('unknown_key');
  }
  // Signature, iss, aud, exp/iat and age: jose, in the curbside-verifier Worker (env.VERIFIER).
  const verdict = await env.VERIFIER.verifyJwt(idToken, jwks as JwtCheck['jwks'], {
    issuer: discovery.issuer,
    audience: expected.clientId,
    algorithms: ALLOWED_ALGS,
    clockTolerance: CLOCK_SKEW_S,
    maxTokenAge: expected.maxAge === null ? null : (expected.maxAge ?? '10m'),
    at: expected.at,
    requiredClaims: ['sub', 'exp', 'iat'],
  });
  if ('reason' in verdict) throw refusedToken(verdict.reason);
  const payload = verdict.payload as JWTPayload;
  if (expected.nonce !== null && payload.nonce !== expected.nonce) throw refusedToken('bad_nonce');
  // OIDC Core §3.1.3.7: with several audiences, the token must have been issued to this client.
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId)
    throw refusedToken('bad_azp');
  return payload as JWTPayload & { sub: string };
}
