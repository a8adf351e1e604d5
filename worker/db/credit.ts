import type { CreditedPerson } from '../../shared/credit';
import type { Discipline } from '../../shared/enums';
import { countedFlag } from './rollups';

/**
 * Reporters' credit: who opted in (users.credit_opt_in) and, per hotspot root, the opted-in people whose
 * named flags count there (one entry per person, by their discipline and unit). Anonymous and withdrawn
 * flags never count; nothing here is shown before shared/credit.ts applies k.
 */

export async function creditPreference(db: D1Database, userId: string): Promise<boolean> {
  const row = await db
    .prepare('SELECT credit_opt_in FROM users WHERE id = ?1')
    .bind(userId)
    .first<{ credit_opt_in: number }>();
  return row?.credit_opt_in === 1;
}

export async function setCreditPreference(db: D1Database, userId: string, on: boolean): Promise<void> {
  await db
    .prepare('UPDATE users SET credit_opt_in = ?2 WHERE id = ?1')
    .bind(userId, on ? 1 : 0)
    .run();
}

export async function creditPeopleOfRoots(
  db: D1Database,
  rootIds: string[],
  viewerId: string | null,
): Promise<Map<string, CreditedPerson[]>> {
  const people = new Map<string, CreditedPerson[]>();
  if (rootIds.length === 0) return people;
  const { results } = await db
    .prepare(
      `SELECT DISTINCT l.root_id, u.id, u.discipline, un.name AS unit_name
       FROM flags f JOIN hotspots l ON l.id = f.hotspot_id JOIN users u ON u.id = f.user_id
       LEFT JOIN units un ON un.id = u.unit_id
       WHERE l.root_id IN (SELECT value FROM json_each(?1)) AND f.anonymous = 0 AND f.withdrawn IS NULL
         AND ${countedFlag('f')} AND u.credit_opt_in = 1 AND u.active = 1`,
    )
    .bind(JSON.stringify(rootIds))
    .all<{ root_id: string; id: string; discipline: Discipline; unit_name: string | null }>();
  for (const r of results) {
    const list = people.get(r.root_id) ?? [];
    list.push({ discipline: r.discipline, unitName: r.unit_name, viewer: r.id === viewerId });
    people.set(r.root_id, list);
  }
  return people;
}
