import type { SsoKind, SsoMapping, SsoMode, SsoProvider, SsoSettings } from '../../shared/sso';
import { toIso } from '../lib/clock';
import type { NewUser } from './users';

interface ProviderRow {
  id: string;
  kind: SsoKind;
  label: string;
  issuer: string;
  client_id: string;
  secret_name: string | null;
  scopes: string;
  mode: SsoMode;
  updated_at: number;
}

const PROVIDER_COLUMNS = 'id, kind, label, issuer, client_id, secret_name, scopes, mode, updated_at';

export function toProvider(row: ProviderRow): SsoProvider {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    issuer: row.issuer,
    oidcClientId: row.client_id,
    secretName: row.secret_name,
    scopes: row.scopes,
    mode: row.mode,
    updatedAt: toIso(row.updated_at),
  };
}

export async function listProviders(db: D1Database): Promise<SsoProvider[]> {
  const { results } = await db
    .prepare(`SELECT ${PROVIDER_COLUMNS} FROM sso_providers ORDER BY label`)
    .all<ProviderRow>();
  return results.map(toProvider);
}

export async function getProvider(db: D1Database, id: string): Promise<SsoProvider | null> {
  const row = await db
    .prepare(`SELECT ${PROVIDER_COLUMNS} FROM sso_providers WHERE id = ?1`)
    .bind(id)
    .first<ProviderRow>();
  return row ? toProvider(row) : null;
}

export async function findProviderIdByIssuer(db: D1Database, issuer: string): Promise<string | null> {
  const row = await db.prepare('SELECT id FROM sso_providers WHERE issuer = ?1').bind(issuer).first<{ id: string }>();
  return row?.id ?? null;
}

export function upsertProviderStatement(
  db: D1Database,
  p: Omit<SsoProvider, 'updatedAt'>,
  at: number,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sso_providers (id, label, issuer, client_id, secret_name, scopes, mode, updated_at, kind)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
       ON CONFLICT (id) DO UPDATE SET label = ?2, issuer = ?3, client_id = ?4, secret_name = ?5, scopes = ?6,
         mode = ?7, updated_at = ?8, kind = ?9`,
    )
    .bind(p.id, p.label, p.issuer, p.oidcClientId, p.secretName, p.scopes, p.mode, at, p.kind);
}

export function deleteProviderStatement(db: D1Database, id: string): D1PreparedStatement {
  return db.prepare('DELETE FROM sso_providers WHERE id = ?1').bind(id);
}

export async function getSsoSettings(db: D1Database): Promise<SsoSettings> {
  const row = await db
    .prepare('SELECT require_sso, mappings FROM sso_settings WHERE id = 1')
    .first<{ require_sso: number; mappings: string }>();
  return {
    requireSso: row?.require_sso === 1,
    mappings: row ? (JSON.parse(row.mappings) as SsoMapping[]) : [],
  };
}

export function putSsoSettingsStatement(db: D1Database, s: SsoSettings, at: number): D1PreparedStatement {
  return db
    .prepare('UPDATE sso_settings SET require_sso = ?1, mappings = ?2, updated_at = ?3 WHERE id = 1')
    .bind(s.requireSso ? 1 : 0, JSON.stringify(s.mappings), at);
}

export interface SsoFlow {
  state: string;
  providerId: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  expiresAt: number;
}

export function insertFlowStatement(db: D1Database, f: SsoFlow): D1PreparedStatement {
  return db
    .prepare(
      'INSERT INTO sso_flows (state, provider_id, nonce, verifier, redirect_uri, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)',
    )
    .bind(f.state, f.providerId, f.nonce, f.verifier, f.redirectUri, f.expiresAt);
}

/** Flows nobody finished: removed as new ones start, so the table holds minutes of them at most. */
export function deleteExpiredFlowsStatement(db: D1Database, at: number): D1PreparedStatement {
  return db.prepare('DELETE FROM sso_flows WHERE expires_at <= ?1').bind(at);
}

/** Takes a flow once: the row is gone whatever follows, so a state cannot be replayed. */
export async function takeFlow(db: D1Database, state: string, at: number): Promise<SsoFlow | null> {
  const row = await db
    .prepare(
      `DELETE FROM sso_flows WHERE state = ?1
       RETURNING state, provider_id, nonce, verifier, redirect_uri, expires_at`,
    )
    .bind(state)
    .first<{
      state: string;
      provider_id: string;
      nonce: string;
      verifier: string;
      redirect_uri: string;
      expires_at: number;
    }>();
  if (!row || row.expires_at <= at) return null;
  return {
    state: row.state,
    providerId: row.provider_id,
    nonce: row.nonce,
    verifier: row.verifier,
    redirectUri: row.redirect_uri,
    expiresAt: row.expires_at,
  };
}

export async function findIdentityUser(db: D1Database, issuer: string, subject: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT user_id FROM sso_identities WHERE issuer = ?1 AND subject = ?2')
    .bind(issuer, subject)
    .first<{ user_id: string }>();
  return row?.user_id ?? null;
}

export async function hasIdentityAt(db: D1Database, userId: string, issuer: string): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS x FROM sso_identities WHERE user_id = ?1 AND issuer = ?2')
    .bind(userId, issuer)
    .first();
  return row !== null;
}

/** Links (issuer, subject) to a user unless someone holds it already: the first of two racing sign-ins wins. */
export function linkIdentityStatement(
  db: D1Database,
  i: { issuer: string; subject: string; userId: string; at: number },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO sso_identities (issuer, subject, user_id, created_at)
       SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?3)
       ON CONFLICT (issuer, subject) DO NOTHING`,
    )
    .bind(i.issuer, i.subject, i.userId, i.at);
}

/**
 * A just-in-time user, made only while nobody holds (issuer, subject): every statement is conditional,
 * so when two first sign-ins of one person race, the batch of the second changes nothing and its
 * closing read (`identityUserStatement`) names the first one's user.
 */
export function jitUserStatements(
  db: D1Database,
  user: NewUser,
  identity: { issuer: string; subject: string },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO users (id, display_name, discipline, unit_id, active, created_at)
         SELECT ?1, ?2, ?3, ?4, 1, ?5
         WHERE NOT EXISTS (SELECT 1 FROM sso_identities WHERE issuer = ?6 AND subject = ?7)`,
      )
      .bind(user.id, user.displayName, user.discipline, user.unitId, user.createdAt, identity.issuer, identity.subject),
    ...user.roles.map((role) =>
      db
        .prepare(
          'INSERT INTO user_roles (user_id, role) SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM users WHERE id = ?1)',
        )
        .bind(user.id, role),
    ),
    linkIdentityStatement(db, { ...identity, userId: user.id, at: user.createdAt }),
  ];
}

/** The user (issuer, subject) is linked to, read at the end of the batch that may have linked it. */
export function identityUserStatement(db: D1Database, issuer: string, subject: string): D1PreparedStatement {
  return db.prepare('SELECT user_id FROM sso_identities WHERE issuer = ?1 AND subject = ?2').bind(issuer, subject);
}

export interface CachedMetadata {
  discovery: string;
  jwks: string | null;
  fetchedAt: number;
  jwksAt: number | null;
}

export async function getMetadata(db: D1Database, issuer: string): Promise<CachedMetadata | null> {
  const row = await db
    .prepare('SELECT discovery, jwks, fetched_at, jwks_at FROM sso_metadata WHERE issuer = ?1')
    .bind(issuer)
    .first<{ discovery: string; jwks: string | null; fetched_at: number; jwks_at: number | null }>();
  return row ? { discovery: row.discovery, jwks: row.jwks, fetchedAt: row.fetched_at, jwksAt: row.jwks_at } : null;
}

export async function putDiscovery(db: D1Database, issuer: string, discovery: string, at: number): Promise<void> {
  await db
    .prepare(
      `INSERT INTO sso_metadata (issuer, discovery, fetched_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (issuer) DO UPDATE SET discovery = ?2, fetched_at = ?3`,
    )
    .bind(issuer, discovery, at)
    .run();
}

export async function putJwks(db: D1Database, issuer: string, jwks: string, at: number): Promise<void> {
  await db.prepare('UPDATE sso_metadata SET jwks = ?2, jwks_at = ?3 WHERE issuer = ?1').bind(issuer, jwks, at).run();
}

/** A provisioned user found by the e-mail their identity provider verified (pre-existing-users mode). */
export async function findUserByProvisionedEmail(db: D1Database, email: string): Promise<string | null> {
  const row = await db
    .prepare('SELECT user_id FROM scim_users WHERE email = ?1 OR user_name = ?1 LIMIT 2')
    .bind(email)
    .all<{ user_id: string }>();
  // Two people sharing an address is not a match: refuse rather than guess.
  return row.results.length === 1 ? (row.results[0]?.user_id ?? null) : null;
}

/** A provisioned user whose SCIM externalId is the provider's id for them (Okta's user id, Entra's object id). */
export async function findUserByProvisionedExternalId(db: D1Database, externalId: string): Promise<string | null> {
  const rows = await db
    .prepare('SELECT user_id FROM scim_users WHERE external_id = ?1 LIMIT 2')
    .bind(externalId)
    .all<{ user_id: string }>();
  return rows.results.length === 1 ? (rows.results[0]?.user_id ?? null) : null;
}

export async function findAccessProvider(db: D1Database): Promise<SsoProvider | null> {
  const row = await db
    .prepare(`SELECT ${PROVIDER_COLUMNS} FROM sso_providers WHERE kind = 'access' ORDER BY id LIMIT 1`)
    .first<ProviderRow>();
  return row ? toProvider(row) : null;
}
