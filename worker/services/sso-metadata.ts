import { z } from 'zod';
import { getMetadata, putDiscovery, putJwks } from '../db/sso';
import { HOUR } from '../lib/clock';
import { ApiError } from '../lib/errors';

/** The parts of a provider's discovery document (OpenID Connect Discovery 1.0) the sign-in uses. */
export const Discovery = z.object({
  issuer: z.string(),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  token_endpoint_auth_methods_supported: z.array(z.string()).optional(),
});
export type Discovery = z.infer<typeof Discovery>;

const Jwks = z.object({ keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })) });
export type Jwks = z.infer<typeof Jwks>;

const DISCOVERY_TTL = HOUR;
const FETCH_TIMEOUT_MS = 5_000;

// Per isolate, in front of D1: most sign-ins read neither from the network nor from the database.
const memory = new Map<string, { discovery: Discovery; fetchedAt: number; jwks: Jwks | null }>();

/** Forgets this isolate's copies (tests use it to reach the D1 copy and the network). */
export function forgetSsoMetadata(): void {
  memory.clear();
}

const unreachable = (what: string) =>
  new ApiError(502, 'internal', `The identity provider's ${what} could not be read`, {
    reason: 'provider_unreachable',
  });

async function fetchJson(url: string): Promise<unknown> {
  const res = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  if (!res.ok) throw new Error(`${res.status}`);
  return res.json();
}

/**
 * The provider's discovery document, from this isolate, D1 (for an hour), or the network. A provider
 * that cannot be reached is served from a stale copy when there is one.
 */
export async function discover(db: D1Database, issuer: string, at: number): Promise<Discovery> {
  const held = memory.get(issuer);
  if (held && at - held.fetchedAt < DISCOVERY_TTL) return held.discovery;
  const stored = await getMetadata(db, issuer);
  if (stored && at - stored.fetchedAt < DISCOVERY_TTL) {
    const discovery = Discovery.parse(JSON.parse(stored.discovery));
    memory.set(issuer, {
      discovery,
      fetchedAt: stored.fetchedAt,
      jwks: stored.jwks ? Jwks.parse(JSON.parse(stored.jwks)) : null,
    });
    return discovery;
  }
  try {
    const parsed = Discovery.safeParse(await fetchJson(`${issuer}/.well-known/openid-configuration`));
    if (!parsed.success) throw new Error('not a discovery document');
    // OIDC Discovery §4.3: the document must name exactly the issuer it was fetched for.
    if (parsed.data.issuer !== issuer)
      throw new ApiError(400, 'bad_request', 'The provider names another issuer than the one configured', {
        reason: 'issuer_mismatch',
      });
    await putDiscovery(db, issuer, JSON.stringify(parsed.data), at);
    memory.set(issuer, { discovery: parsed.data, fetchedAt: at, jwks: held?.jwks ?? null });
    return parsed.data;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    const stale = held?.discovery ?? (stored ? Discovery.parse(JSON.parse(stored.discovery)) : null);
    if (stale) return stale;
    throw unreachable('discovery document');
  }
}

/** The signing keys last read for this issuer, or null before the first read. */
export async function cachedJwks(db: D1Database, issuer: string): Promise<Jwks | null> {
  const held = memory.get(issuer)?.jwks;
  if (held) return held;
  const stored = await getMetadata(db, issuer);
  return stored?.jwks ? Jwks.parse(JSON.parse(stored.jwks)) : null;
}

/** Reads the JWKS afresh; null when the provider does not answer (the caller then fails closed). */
export async function refreshJwks(db: D1Database, issuer: string, jwksUri: string, at: number): Promise<Jwks | null> {
  try {
    const jwks = Jwks.parse(await fetchJson(jwksUri));
    await putJwks(db, issuer, JSON.stringify(jwks), at);
    const held = memory.get(issuer);
    if (held) held.jwks = jwks;
    return jwks;
  } catch {
    return null;
  }
}
