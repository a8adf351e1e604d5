import { WorkerEntrypoint } from 'cloudflare:workers';
import { createLocalJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import type { JwtCheck, JwtVerdict } from './env';

/** Why jose refused a token, as the sign-in reports it (`reason` of its 401). */
function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return e.claim === 'iat' ? 'too_old' : 'expired';
  if (e instanceof errors.JWTClaimValidationFailed) return `bad_${e.claim}`;
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'bad_signature';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'alg_not_allowed';
  return 'invalid_token';
}

/**
 * curbside-verifier (wrangler.verifier.jsonc): the signature and claims check of single sign-on's ID tokens
 * and Cloudflare Access assertions (jose), as a Worker of its own reached by the API over a service binding
 * (`env.VERIFIER`, RPC). jose loads here, once per verifier isolate, only when someone signs in, instead
 * of in the API bundle every request starts. It fetches nothing and keeps nothing: the API hands it the
 * provider's keys (cached in D1, services/sso-metadata.ts) and the claims to expect.
 */
export default class Verifier extends WorkerEntrypoint {
  async verifyJwt(token: string, jwks: JwtCheck['jwks'], check: Omit<JwtCheck, 'jwks'>): Promise<JwtVerdict> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, createLocalJWKSet(jwks as never), {
        issuer: check.issuer,
        audience: check.audience,
        algorithms: check.algorithms,
        clockTolerance: check.clockTolerance,
        ...(check.maxTokenAge === null ? {} : { maxTokenAge: check.maxTokenAge }),
        currentDate: new Date(check.at),
        requiredClaims: check.requiredClaims,
      }));
    } catch (e) {
      return { reason: reasonOf(e) };
    }
    return { payload };
  }

  override fetch(): Response {
    return new Response(null, { status: 404 });
  }
}
