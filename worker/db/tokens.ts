export interface TokenRow {
  hash: string;
  user_id: string;
  expires_at: number;
  revoked_at: number | null;
}

export function insertTokenStatement(
  db: D1Database,
  token: { hash: string; userId: string; createdAt: number; expiresAt: number },
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO tokens (hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)')
    .bind(token.hash, token.userId, token.createdAt, token.expiresAt);
}

export async function findToken(db: D1Database, hash: string): Promise<TokenRow | null> {
  return db
    .prepare('SELECT hash, user_id, expires_at, revoked_at FROM tokens WHERE hash = ?1')
    .bind(hash)
    .first<TokenRow>();
}

export async function extendToken(db: D1Database, hash: string, expiresAt: number): Promise<void> {
  await db
    .prepare('UPDATE tokens SET expires_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL')
    .bind(hash, expiresAt)
    .run();
}

export async function revokeToken(db: D1Database, hash: string, at: number): Promise<void> {
  await db.prepare('UPDATE tokens SET revoked_at = ?2 WHERE hash = ?1 AND revoked_at IS NULL').bind(hash, at).run();
}

export function revokeUserTokensStatement(db: D1Database, userId: string, at: number): D1PreparedStatement {
  return db.prepare('UPDATE tokens SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL').bind(userId, at);
}
