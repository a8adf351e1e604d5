import { env } from 'cloudflare:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';

// The ID token verifier's own Worker (worker/verifier.ts), reached over the API's VERIFIER binding exactly
// as in production: the API bundle no longer holds jose (bench `size`). The sign-in tests (routes/sso*.test.ts)
// go through it end to end against a real provider; these pin its answers to the API.
const ISSUER = 'https://idp.example';
const AT = Date.UTC(2026, 10, 30, 12);
const check = {
  issuer: ISSUER,
  audience: 'curbside',
  algorithms: ['ES256'],
  clockTolerance: 60,
  maxTokenAge: '10m',
  at: AT,
  requiredClaims: ['sub', 'exp', 'iat'],
};

async function keyAndToken(claims: { aud?: string } = {}) {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const token = await new SignJWT({ email: 'a@hospital.example' })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setIssuer(ISSUER)
    .setAudience(claims.aud ?? 'curbside')
    .setSubject('person-1')
    .setIssuedAt(AT / 1000)
    .setExpirationTime(AT / 1000 + 3600)
    .sign(privateKey);
  return { jwks: { keys: [jwk] }, token };
}

describe('the verifier Worker', () => {
  it('answers a token signed by one of the keys it is handed with its payload', async () => {
    const { jwks, token } = await keyAndToken();
    const verdict = await env.VERIFIER.verifyJwt(token, jwks, check);
    expect(verdict).toMatchObject({ payload: { sub: 'person-1', iss: ISSUER, email: 'a@hospital.example' } });
  });

  it('answers why it refused: another audience, another key, garbage', async () => {
    const other = await keyAndToken({ aud: 'someone-else' });
    expect(await env.VERIFIER.verifyJwt(other.token, other.jwks, check)).toEqual({ reason: 'bad_aud' });
    const mine = await keyAndToken();
    const forged = await keyAndToken();
    expect(await env.VERIFIER.verifyJwt(forged.token, mine.jwks, check)).toEqual({ reason: 'bad_signature' });
    expect(await env.VERIFIER.verifyJwt('not.a.token', mine.jwks, check)).toEqual({ reason: 'invalid_token' });
  });

  it('refuses a token older than the maximum age the API asks for (with the skew)', async () => {
    const { jwks, token } = await keyAndToken();
    const later = { ...check, at: AT + 12 * 60_000 };
    expect(await env.VERIFIER.verifyJwt(token, jwks, later)).toEqual({ reason: 'too_old' });
  });
});
