import type { Topic, Unit } from '../../shared/catalog';

/** Units and topics share one shape; the table name never comes from input. */
export type CatalogTable = 'units' | 'topics';

interface Row {
  id: string;
  name: string;
  active: number;
}

const toItem = (row: Row): Unit & Topic => ({ id: row.id, name: row.name, active: row.active === 1 });

export async function listCatalog(db: D1Database, table: CatalogTable, onlyActive: boolean) {
  const where = onlyActive ? 'WHERE active = 1' : '';
  const { results } = await db.prepare(`SELECT id, name, active FROM ${table} ${where} ORDER BY name`).all<Row>();
  return results.map(toItem);
}

/**
 * Active units as reporters see them, each marked `small` when it has fewer than `k` active people:
 * the k-th person is looked up by index (users_by_unit), so no unit costs more than k rows.
 */
export async function listUnitsForReporters(db: D1Database, k: number): Promise<Unit[]> {
  const { results } = await db
    .prepare(
      `SELECT u.id, u.name, u.active,
         (SELECT 1 FROM users s WHERE s.unit_id = u.id AND s.active = 1 LIMIT 1 OFFSET ?1) IS NULL AS small
       FROM units u WHERE u.active = 1 ORDER BY u.name`,
    )
    .bind(k - 1)
    .all<Row & { small: number }>();
  return results.map((row) => ({ ...toItem(row), small: row.small === 1 }));
}

export async function getCatalogItem(db: D1Database, table: CatalogTable, id: string) {
  const row = await db.prepare(`SELECT id, name, active FROM ${table} WHERE id = ?1`).bind(id).first<Row>();
  return row ? toItem(row) : null;
}

export async function findCatalogByName(db: D1Database, table: CatalogTable, name: string) {
  const row = await db
    .prepare(`SELECT id, name, active FROM ${table} WHERE name = ?1 COLLATE NOCASE`)
    .bind(name)
    .first<Row>();
  return row ? toItem(row) : null;
}

export async function insertCatalogItem(db: D1Database, table: CatalogTable, id: string, name: string) {
  await db.prepare(`INSERT INTO ${table} (id, name, active) VALUES (?1, ?2, 1)`).bind(id, name).run();
  return { id, name, active: true };
}

export async function patchCatalogItem(
  db: D1Database,
  table: CatalogTable,
  id: string,
  patch: { name?: string; active?: boolean },
) {
  const row = await db
    .prepare(
      `UPDATE ${table} SET name = COALESCE(?2, name), active = COALESCE(?3, active) WHERE id = ?1
       RETURNING id, name, active`,
    )
    .bind(id, patch.name ?? null, patch.active === undefined ? null : patch.active ? 1 : 0)
    .first<Row>();
  return row ? toItem(row) : null;
}

export async function isActive(db: D1Database, table: CatalogTable, id: string): Promise<boolean> {
  const row = await db.prepare(`SELECT active FROM ${table} WHERE id = ?1`).bind(id).first<{ active: number }>();
  return row?.active === 1;
}
