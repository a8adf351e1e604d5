import { createLocalJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
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

function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return e.claim === 'iat' ? 'too_old' : 'expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `bad_${e.claim}`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'alg_not_allowed';
  return 'invalid_token';
}

/**
 * Verifies an ID token from the token endpoint: signature by the provider's JWKS (cached; read again
 * only when the token names a key not held), `iss`, `aud`, `exp`/`iat` within the skew, the `nonce`
 * of this sign-in. The refresh on an unknown `kid` is not an amplifier: a token reaches here only from
 * the provider's own token endpoint, after a valid code. When the JWKS cannot be read, keys already
 * held still verify and an unknown key fails closed.
 */
export async function verifyIdToken(
  db: D1Database,
  discovery: Pick<Discovery, 'issuer' | 'jwks_uri'>,
  idToken: string,
  expected: { clientId: string; nonce: string | null; at: number; maxAge?: string | null },
): Promise<JWTPayload & { sub: string }> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(idToken);
  } catch {
    throw refusedToken('malformed');
  }
  if (typeof header.alg !== 'string' || !ALLOWED_ALGS.includes(header.alg)) throw refusedToken('alg_not_allowed');
  let jwks = await cachedJwks(db, discovery.issuer);
  if (!hasKey(jwks, header.kid)) {
    jwks = await refreshJwks(db, discovery.issuer, discovery.jwks_uri, expected.at);
    if (!hasKey(jwks, header.kid)) throw refusedToken('unknown_key');
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, createLocalJWKSet(jwks as never), {
      issuer: discovery.issuer,
      audience: expected.clientId,
      algorithms: ALLOWED_ALGS,
      clockTolerance: CLOCK_SKEW_S,
      ...(expected.maxAge === null ? {} : { maxTokenAge: expected.maxAge ?? '10m' }),
      currentDate: new Date(expected.at),
      requiredClaims: ['sub', 'exp', 'iat'],
    }));
  } catch (e) {
    throw refusedToken(reasonOf(e));
  }
  if (expected.nonce !== null && payload.nonce !== expected.nonce) throw refusedToken('bad_nonce');
  // OIDC Core §3.1.3.7: with several audiences, the token must have been issued to this client.
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== expected.clientId)
    throw refusedToken('bad_azp');
  return payload as JWTPayload & { sub: string };
}
