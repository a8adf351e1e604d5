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
