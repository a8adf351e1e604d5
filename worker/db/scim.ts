/** SCIM bearer tokens: one live at a time, only its SHA-256 kept. */
export function revokeScimTokensStatement(db: D1Database, at: number): D1PreparedStatement {
  return db.prepare('UPDATE scim_tokens SET revoked_at = ?1 WHERE revoked_at IS NULL').bind(at);
}

export function insertScimTokenStatement(
  db: D1Database,
  t: { id: string; hash: string; createdBy: string; at: number },
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO scim_tokens (id, hash, created_by, created_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(t.id, t.hash, t.createdBy, t.at);
}

export async function liveScimTokenCreatedAt(db: D1Database): Promise<number | null> {
  const row = await db
    .prepare('SELECT created_at FROM scim_tokens WHERE revoked_at IS NULL ORDER BY created_at DESC LIMIT 1')
    .first<{ created_at: number }>();
  return row?.created_at ?? null;
}

export async function isLiveScimToken(db: D1Database, hash: string): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS x FROM scim_tokens WHERE hash = ?1 AND revoked_at IS NULL')
    .bind(hash)
    .first();
  return row !== null;
}

/** A provisioned user: its SCIM record and the Curbside user it provisions. */
export interface ScimUserRecord {
  userId: string;
  userName: string;
  externalId: string | null;
  resource: Record<string, unknown>;
  active: boolean;
  createdAt: number;
  updatedAt: number;
}

interface ScimUserRow {
  user_id: string;
  user_name: string;
  external_id: string | null;
  resource: string;
  active: number;
  created_at: number;
  updated_at: number;
}

const SELECT_SCIM_USER = `SELECT s.user_id, s.user_name, s.external_id, s.resource, u.active, s.created_at, s.updated_at
  FROM scim_users s JOIN users u ON u.id = s.user_id`;

const toScimUser = (r: ScimUserRow): ScimUserRecord => ({
  userId: r.user_id,
  userName: r.user_name,
  externalId: r.external_id,
  resource: JSON.parse(r.resource) as Record<string, unknown>,
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function getScimUser(db: D1Database, userId: string): Promise<ScimUserRecord | null> {
  const row = await db.prepare(`${SELECT_SCIM_USER} WHERE s.user_id = ?1`).bind(userId).first<ScimUserRow>();
  return row ? toScimUser(row) : null;
}

/** One page of provisioned users, optionally those whose userName or externalId equals a value. */
export async function listScimUsers(
  db: D1Database,
  q: { userName?: string; externalId?: string; offset: number; limit: number },
): Promise<{ total: number; users: ScimUserRecord[] }> {
  const where = `WHERE (?1 IS NULL OR s.user_name = ?1) AND (?2 IS NULL OR s.external_id = ?2)`;
  const binds = [q.userName ?? null, q.externalId ?? null];
  const [total, page] = await db.batch([
    db.prepare(`SELECT COUNT(*) AS n FROM scim_users s ${where}`).bind(...binds),
    db
      .prepare(`${SELECT_SCIM_USER} ${where} ORDER BY s.created_at, s.user_id LIMIT ?3 OFFSET ?4`)
      .bind(...binds, q.limit, q.offset),
  ]);
  return {
    total: (total?.results[0] as { n: number } | undefined)?.n ?? 0,
    users: ((page?.results ?? []) as ScimUserRow[]).map(toScimUser),
  };
}

export async function isUserNameTaken(db: D1Database, userName: string, exceptUserId: string | null): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS x FROM scim_users WHERE user_name = ?1 AND user_id IS NOT ?2')
    .bind(userName, exceptUserId)
    .first();
  return row !== null;
}

export function upsertScimUserStatement(
  db: D1Database,
  u: {
    userId: string;
    userName: string;
    externalId: string | null;
    email: string | null;
    resource: string;
    at: number;
  },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO scim_users (user_id, user_name, external_id, email, resource, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
       ON CONFLICT (user_id) DO UPDATE SET user_name = ?2, external_id = ?3, email = ?4, resource = ?5, updated_at = ?6`,
    )
    .bind(u.userId, u.userName, u.externalId, u.email, u.resource, u.at);
}

export function setActiveStatement(db: D1Database, userId: string, active: boolean): D1PreparedStatement {
  return db.prepare('UPDATE users SET active = ?2 WHERE id = ?1').bind(userId, active ? 1 : 0);
}

export function deleteScimUserStatements(db: D1Database, userId: string): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM scim_group_members WHERE user_id = ?1').bind(userId),
    db.prepare('DELETE FROM scim_users WHERE user_id = ?1').bind(userId),
    // The identity goes too: the person cannot sign in to the old account through the provider.
    db.prepare('DELETE FROM sso_identities WHERE user_id = ?1').bind(userId),
  ];
}

export interface ScimGroupRecord {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: number;
  updatedAt: number;
}

interface ScimGroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  created_at: number;
  updated_at: number;
}

const toScimGroup = (r: ScimGroupRow): ScimGroupRecord => ({
  id: r.id,
  displayName: r.display_name,
  externalId: r.external_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function getScimGroup(db: D1Database, id: string): Promise<ScimGroupRecord | null> {
  const row = await db
    .prepare('SELECT id, display_name, external_id, created_at, updated_at FROM scim_groups WHERE id = ?1')
    .bind(id)
    .first<ScimGroupRow>();
  return row ? toScimGroup(row) : null;
}

export async function listScimGroups(
  db: D1Database,
  q: { displayName?: string; externalId?: string; offset: number; limit: number },
): Promise<{ total: number; groups: ScimGroupRecord[] }> {
  const where = 'WHERE (?1 IS NULL OR display_name = ?1) AND (?2 IS NULL OR external_id = ?2)';
  const binds = [q.displayName ?? null, q.externalId ?? null];
  const [total, page] = await db.batch([
    db.prepare(`SELECT COUNT(*) AS n FROM scim_groups ${where}`).bind(...binds),
    db
      .prepare(
        `SELECT id, display_name, external_id, created_at, updated_at FROM scim_groups ${where}
         ORDER BY created_at, id LIMIT ?3 OFFSET ?4`,
      )
      .bind(...binds, q.limit, q.offset),
  ]);
  return {
    total: (total?.results[0] as { n: number } | undefined)?.n ?? 0,
    groups: ((page?.results ?? []) as ScimGroupRow[]).map(toScimGroup),
  };
}

export async function isGroupNameTaken(db: D1Database, name: string, exceptId: string | null): Promise<boolean> {
  const row = await db
    .prepare('SELECT 1 AS x FROM scim_groups WHERE display_name = ?1 AND id IS NOT ?2')
    .bind(name, exceptId)
    .first();
  return row !== null;
}

export function upsertScimGroupStatement(
  db: D1Database,
  g: { id: string; displayName: string; externalId: string | null; at: number },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO scim_groups (id, display_name, external_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
       ON CONFLICT (id) DO UPDATE SET display_name = ?2, external_id = ?3, updated_at = ?4`,
    )
    .bind(g.id, g.displayName, g.externalId, g.at);
}

export function deleteScimGroupStatements(db: D1Database, id: string): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM scim_group_members WHERE group_id = ?1').bind(id),
    db.prepare('DELETE FROM scim_groups WHERE id = ?1').bind(id),
  ];
}

export async function groupMembers(db: D1Database, groupId: string): Promise<{ value: string; display: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT m.user_id, u.display_name FROM scim_group_members m JOIN users u ON u.id = m.user_id
       WHERE m.group_id = ?1 ORDER BY m.user_id`,
    )
    .bind(groupId)
    .all<{ user_id: string; display_name: string }>();
  return results.map((r) => ({ value: r.user_id, display: r.display_name }));
}

/** Only provisioned users can be members: an id SCIM never created is ignored, not invented. */
export function addMemberStatement(db: D1Database, groupId: string, userId: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT OR IGNORE INTO scim_group_members (group_id, user_id)
       SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM scim_users WHERE user_id = ?2)`,
    )
    .bind(groupId, userId);
}

export function removeMemberStatement(db: D1Database, groupId: string, userId: string): D1PreparedStatement {
  return db.prepare('DELETE FROM scim_group_members WHERE group_id = ?1 AND user_id = ?2').bind(groupId, userId);
}

export async function userGroups(db: D1Database, userId: string): Promise<{ value: string; display: string }[]> {
  const { results } = await db
    .prepare(
      `SELECT g.id, g.display_name FROM scim_group_members m JOIN scim_groups g ON g.id = m.group_id
       WHERE m.user_id = ?1 ORDER BY g.display_name`,
    )
    .bind(userId)
    .all<{ id: string; display_name: string }>();
  return results.map((r) => ({ value: r.id, display: r.display_name }));
}
