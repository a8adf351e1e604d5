import type { System, SystemPatch, SystemScreen } from '../../shared/systems';

interface SystemRow {
  id: string;
  host: string;
  name: string;
  query_keys: string;
  active: number;
}

interface ScreenRow {
  id: string;
  system_id: string;
  path_template: string;
  name: string;
}

const SELECT_SYSTEM = 'SELECT id, host, name, query_keys, active FROM systems';
const SELECT_SCREEN = 'SELECT id, system_id, path_template, name FROM system_screens';

export const toScreen = (row: ScreenRow): SystemScreen => ({
  id: row.id,
  systemId: row.system_id,
  pathTemplate: row.path_template,
  name: row.name,
});

function toSystem(row: SystemRow, screens: SystemScreen[]): System {
  return {
    id: row.id,
    host: row.host,
    name: row.name,
    screenQueryKeys: JSON.parse(row.query_keys) as string[],
    active: row.active === 1,
    screens: screens.filter((s) => s.systemId === row.id),
  };
}

/** Systems with their screens, by name; two queries rather than one per system. */
export async function listSystems(db: D1Database, onlyActive: boolean): Promise<System[]> {
  const where = onlyActive ? 'WHERE active = 1' : '';
  const [systems, screens] = await db.batch<SystemRow | ScreenRow>([
    db.prepare(`${SELECT_SYSTEM} ${where} ORDER BY name COLLATE NOCASE`),
    db.prepare(`${SELECT_SCREEN} ORDER BY name COLLATE NOCASE`),
  ]);
  const all = ((screens?.results ?? []) as ScreenRow[]).map(toScreen);
  return ((systems?.results ?? []) as SystemRow[]).map((row) => toSystem(row, all));
}

export async function getSystem(db: D1Database, id: string): Promise<System | null> {
  const [system, screens] = await db.batch<SystemRow | ScreenRow>([
    db.prepare(`${SELECT_SYSTEM} WHERE id = ?1`).bind(id),
    db.prepare(`${SELECT_SCREEN} WHERE system_id = ?1 ORDER BY name COLLATE NOCASE`).bind(id),
  ]);
  const row = system?.results[0] as SystemRow | undefined;
  return row ? toSystem(row, ((screens?.results ?? []) as ScreenRow[]).map(toScreen)) : null;
}

export async function findSystemByHost(db: D1Database, host: string): Promise<{ id: string } | null> {
  return db.prepare('SELECT id FROM systems WHERE host = ?1').bind(host).first<{ id: string }>();
}

export function insertSystemStatement(
  db: D1Database,
  s: { id: string; host: string; name: string; queryKeys: string[]; at: number },
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO systems (id, host, name, query_keys, active, created_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)')
    .bind(s.id, s.host, s.name, JSON.stringify(s.queryKeys), s.at);
}

export function updateSystemStatement(db: D1Database, id: string, patch: SystemPatch): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE systems SET host = COALESCE(?2, host), name = COALESCE(?3, name),
       query_keys = COALESCE(?4, query_keys), active = COALESCE(?5, active) WHERE id = ?1`,
    )
    .bind(
      id,
      patch.host ?? null,
      patch.name ?? null,
      patch.screenQueryKeys ? JSON.stringify(patch.screenQueryKeys) : null,
      patch.active === undefined ? null : patch.active ? 1 : 0,
    );
}

/**
 * Every path template named for a host, active system or not: the server's allowlist must hold
 * at least what a client's cached catalog can, or a flag made offline would be refused.
 */
export async function screenTemplatesForHost(db: D1Database, host: string): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT s.path_template FROM system_screens s JOIN systems y ON y.id = s.system_id WHERE y.host = ?1')
    .bind(host)
    .all<{ path_template: string }>();
  return results.map((r) => r.path_template);
}

export async function getScreen(db: D1Database, id: string): Promise<SystemScreen | null> {
  const row = await db.prepare(`${SELECT_SCREEN} WHERE id = ?1`).bind(id).first<ScreenRow>();
  return row ? toScreen(row) : null;
}

export async function findScreenByTemplate(db: D1Database, systemId: string, pathTemplate: string) {
  const row = await db
    .prepare(`${SELECT_SCREEN} WHERE system_id = ?1 AND path_template = ?2`)
    .bind(systemId, pathTemplate)
    .first<ScreenRow>();
  return row ? toScreen(row) : null;
}

export function insertScreenStatement(db: D1Database, s: SystemScreen): D1PreparedStatement {
  return db
    .prepare('INSERT INTO system_screens (id, system_id, path_template, name) VALUES (?1, ?2, ?3, ?4)')
    .bind(s.id, s.systemId, s.pathTemplate, s.name);
}

export function updateScreenStatement(
  db: D1Database,
  id: string,
  patch: { pathTemplate?: string; name?: string },
): D1PreparedStatement {
  return db
    .prepare(
      'UPDATE system_screens SET path_template = COALESCE(?2, path_template), name = COALESCE(?3, name) WHERE id = ?1',
    )
    .bind(id, patch.pathTemplate ?? null, patch.name ?? null);
}

export function deleteScreenStatement(db: D1Database, id: string): D1PreparedStatement {
  return db.prepare('DELETE FROM system_screens WHERE id = ?1').bind(id);
}
