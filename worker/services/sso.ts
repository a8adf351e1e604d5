import { SsoProfileClaims, type SsoProvider, type SsoStartRequest } from '../../shared/sso';
import { auditStatement } from '../db/audit';
import { insertSignInStatement } from '../db/sign-ins';
import {
  deleteExpiredFlowsStatement,
  findIdentityUser,
  findUserByProvisionedEmail,
  findUserByProvisionedExternalId,
  getProvider,
  getSsoSettings,
  hasIdentityAt,
  identityUserStatement,
  insertFlowStatement,
  jitUserStatements,
  linkIdentityStatement,
  type SsoFlow,
  takeFlow,
} from '../db/sso';
import { getUser } from '../db/users';
import type { Env } from '../env';
import { newId } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { newTokenStatement } from './session';
import { mapClaims } from './sso-mapping';
import { type Discovery, discover } from './sso-metadata';
import { refusedToken, verifyIdToken } from './sso-verify';

const FLOW_TTL_MS = 10 * 60_000;

// The redirect URL browser.identity.getRedirectURL() gives: Chrome and Edge, then Firefox.
const EXTENSION_REDIRECT = /^https:\/\/[a-z0-9-]+\.(chromiumapp\.org|extensions\.allizom\.org)\/[\w/-]*$/;

export const unknownProvider = () =>
  new ApiError(404, 'not_found', 'That identity provider is not configured', { reason: 'unknown_provider' });

function base64url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
const randomToken = () => base64url(crypto.getRandomValues(new Uint8Array(32)));
const s256 = async (text: string) =>
  base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));

/**
 * Starts an authorization-code sign-in with PKCE: state, nonce and verifier stay in D1 for ten minutes;
 * the extension gets only the authorize URL (which carries the state and the S256 challenge).
 */
export async function startSignIn(env: Env, req: SsoStartRequest, at: number) {
  const provider = await getProvider(env.DB, req.providerId);
  if (!provider) throw unknownProvider();
  if (!EXTENSION_REDIRECT.test(req.redirectUri))
    throw new ApiError(400, 'bad_request', 'The redirect URL is not an extension’s', { reason: 'bad_redirect' });
  const discovery = await discover(env.DB, provider.issuer, at);
  const flow: SsoFlow = {
    state: randomToken(),
    providerId: provider.id,
    nonce: randomToken(),
    verifier: randomToken(),
    redirectUri: req.redirectUri,
    expiresAt: at + FLOW_TTL_MS,
  };
  await env.DB.batch([deleteExpiredFlowsStatement(env.DB, at), insertFlowStatement(env.DB, flow)]);
  const scopes = new Set(['openid', ...provider.scopes.split(' ')]);
  const url = new URL(discovery.authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code',
    client_id: provider.oidcClientId,
    redirect_uri: flow.redirectUri,
    scope: [...scopes].join(' '),
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await s256(flow.verifier),
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(k, v);
  return { authorizeUrl: url.toString(), state: flow.state };
}

/** RFC 6749 §2.3.1: client_secret_basic unless the provider offers only client_secret_post. */
function clientAuth(
  env: Env,
  provider: SsoProvider,
  discovery: Discovery,
): { headers: Record<string, string>; body: Record<string, string> } {
  if (!provider.secretName) return { headers: {}, body: { client_id: provider.oidcClientId } };
  const secret = (env as unknown as Record<string, unknown>)[provider.secretName];
  if (typeof secret !== 'string' || secret === '')
    throw new ApiError(500, 'internal', 'The SSO client secret is not set on the Worker', { reason: 'secret_missing' });
  const methods = discovery.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (!methods.includes('client_secret_basic') && methods.includes('client_secret_post'))
    return { headers: {}, body: { client_id: provider.oidcClientId, client_secret: secret } };
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return {
    headers: { authorization: `Basic ${btoa(`${enc(provider.oidcClientId)}:${enc(secret)}`)}` },
    body: { client_id: provider.oidcClientId },
  };
}

async function exchangeCode(env: Env, provider: SsoProvider, discovery: Discovery, flow: SsoFlow, code: string) {
  const auth = clientAuth(env, provider, discovery);
  let res: globalThis.Response;
  try {
    res = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...auth.headers },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: flow.redirectUri,
        code_verifier: flow.verifier,
        ...auth.body,
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new ApiError(502, 'internal', 'The identity provider did not answer', { reason: 'provider_unreachable' });
  }
  if (!res.ok) throw refusedToken('code_rejected', 'The identity provider refused the sign-in code; start again');
  const body = (await res.json().catch(() => null)) as { id_token?: unknown } | null;
  if (typeof body?.id_token !== 'string') throw refusedToken('no_id_token');
  return body.id_token;
}

const notAllowed = (reason: string, message: string) => new ApiError(403, 'forbidden', message, { reason });

/**
 * A user provisioned by SCIM, found by the provider's own id for them (SCIM externalId = Okta's user id,
 * which is its `sub`, or Entra ID's object id, its `oid`), else by the e-mail the provider verified.
 */
async function findProvisioned(db: D1Database, claims: Record<string, unknown>): Promise<string | null> {
  for (const id of [claims.oid, claims.sub]) {
    if (typeof id !== 'string') continue;
    const found = await findUserByProvisionedExternalId(db, id);
    if (found) return found;
  }
  if (claims.email_verified !== true || typeof claims.email !== 'string') return null;
  return findUserByProvisionedEmail(db, claims.email);
}

/**
 * The Curbside user of an (issuer, subject): linked before; or a provisioned user, linked now and found
 * by subject from then on; or, for just-in-time, a new user with roles and unit from the mappings. A
 * provider of known people only refuses anyone else. What is new is written by `claimIdentity`.
 */
async function resolveUser(db: D1Database, provider: SsoProvider, claims: Record<string, unknown>, at: number) {
  const identity = { issuer: provider.issuer, subject: String(claims.sub) };
  const linked = await findIdentityUser(db, identity.issuer, identity.subject);
  if (linked) return { userId: linked, statements: [], created: false };
  const provisioned = await findProvisioned(db, claims);
  if (provisioned) {
    // Matched once: a second subject with the same address (a reused mailbox) is not let in.
    if (await hasIdentityAt(db, provisioned, provider.issuer))
      throw notAllowed('already_linked', 'This Curbside account is linked to another identity');
    return {
      userId: provisioned,
      statements: [linkIdentityStatement(db, { ...identity, userId: provisioned, at })],
      created: false,
    };
  }
  if (provider.mode === 'existing') {
    if (claims.email_verified !== true || typeof claims.email !== 'string')
      throw notAllowed('no_verified_email', 'Your organisation account has no verified e-mail address');
    throw notAllowed('not_provisioned', 'Your organisation has not given you Curbside access yet');
  }
  const id = newId();
  const { roles, unitId } = mapClaims((await getSsoSettings(db)).mappings, claims);
  const profile = SsoProfileClaims.parse(claims);
  const user = {
    id,
    displayName: profile.name ?? `Clinician ${id.slice(0, 4)}`,
    discipline: profile.discipline ?? 'other',
    unitId,
    roles,
    createdAt: at,
  } as const;
  return { userId: id, created: true, statements: jitUserStatements(db, user, identity) };
}

/**
 * Writes a new link (and a new user) in one batch of conditional statements closed by a read of who
 * holds (issuer, subject): when two first sign-ins of one person race, the second finds the first's
 * user there and signs in as them instead of failing on the taken identity.
 */
async function claimIdentity(
  db: D1Database,
  issuer: string,
  claims: Record<string, unknown>,
  found: Awaited<ReturnType<typeof resolveUser>>,
) {
  if (found.statements.length === 0) return found;
  const results = await db.batch<{ user_id: string }>([
    ...found.statements,
    identityUserStatement(db, issuer, String(claims.sub)),
  ]);
  const holder = results.at(-1)?.results[0]?.user_id;
  if (!holder) throw new ApiError(500, 'internal', 'Sign-in did not complete');
  return { userId: holder, created: found.created && holder === found.userId };
}

/** Completes a sign-in: the state once, the code at the token endpoint, the ID token, then a session. */
export async function completeSignIn(env: Env, req: { state: string; code: string }, at: number) {
  const db = env.DB;
  const flow = await takeFlow(db, req.state, at);
  if (!flow)
    throw new ApiError(400, 'bad_request', 'This sign-in has expired or was already used; start again', {
      reason: 'unknown_state',
    });
  const provider = await getProvider(db, flow.providerId);
  if (!provider) throw unknownProvider();
  const discovery = await discover(db, provider.issuer, at);
  const idToken = await exchangeCode(env, provider, discovery, flow, req.code);
  const claims = await verifyIdToken(env, discovery, idToken, {
    clientId: provider.oidcClientId,
    nonce: flow.nonce,
    at,
  });
  return issueSsoSession(db, provider, claims, at);
}

/** The Curbside session of a verified identity, issued as enrollment issues one (a sign-in row, a token). */
export async function issueSsoSession(
  db: D1Database,
  provider: SsoProvider,
  claims: Record<string, unknown>,
  at: number,
) {
  const found = await claimIdentity(db, provider.issuer, claims, await resolveUser(db, provider, claims, at));
  if (!found.created) {
    const user = await getUser(db, found.userId);
    if (!user?.active) throw notAllowed('inactive', 'This account is no longer active');
  }
  const signInId = newId();
  const session = await newTokenStatement(db, found.userId, signInId, at);
  await db.batch([
    insertSignInStatement(db, { id: signInId, userId: found.userId, at, method: 'sso', codeId: null, issuedBy: null }),
    session.statement,
    auditStatement(db, {
      at,
      actorId: found.userId,
      subjectId: found.userId,
      action: found.created ? 'user.enrolled_with_sso' : 'user.signed_in_with_sso',
      target: provider.id,
      details: { signIn: signInId },
    }),
  ]);
  const user = await getUser(db, found.userId);
  if (!user) throw new ApiError(500, 'internal', 'Sign-in did not complete');
  return { token: session.token, expiresAt: session.expiresAt, user, providerId: provider.id };
}

/** A refused sign-in is audited by its reason alone: never the code, state or token. */
export function refusalAudit(db: D1Database, e: unknown, at: number, target: string | null) {
  const reason =
    e instanceof ApiError ? ((e.details as { reason?: string } | undefined)?.reason ?? e.code) : 'internal';
  const status = e instanceof ApiError ? e.status : 500;
  return auditStatement(db, {
    at,
    actorId: null,
    action: 'sso.sign_in_refused',
    target: target ?? undefined,
    details: { reason, status },
  });
}
