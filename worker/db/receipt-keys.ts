/**
 * The user's receipt key, created on first request. One batch: the insert is a no-op when a key
 * exists, so two devices asking at once still get the same key.
 */
export async function receiptKeyFor(db: D1Database, userId: string, key: string, at: number): Promise<string> {
  const [, read] = await db.batch<{ key: string }>([
    db
      .prepare('INSERT INTO receipt_keys (user_id, key, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING')
      .bind(userId, key, at),
    db.prepare('SELECT key FROM receipt_keys WHERE user_id = ?1').bind(userId),
  ]);
  const row = read?.results[0];
  if (!row) throw new Error('receipt key not stored');
  return row.key;
}
