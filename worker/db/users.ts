import type { Discipline, Role } from '../../shared/enums';
import type { User } from '../../shared/users';
import { toIso } from '../lib/clock';
import { forgetSessions } from './session-cache';

interface UserRow {
  id: string;
  display_name: string;
  discipline: Discipline;
  unit_id: string | null;
  active: number;
  created_at: number;
  roles: string | null;
}

const SELECT_USER = `SELECT u.id, u.display_name, u.discipline, u.unit_id, u.active, u.created_at,
  (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles FROM users u`;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    displayName: row.display_name,
    discipline: row.discipline,
    unitId: row.unit_id,
    roles: row.roles ? (row.roles.split(',').sort() as Role[]) : [],
    active: row.active === 1,
    createdAt: toIso(row.created_at),
  };
}

/** A session's token and its user (with roles) in one statement: every authenticated request runs it. */
export interface SessionRow extends UserRow {
  user_id: string;
  token_created_at: number;
  expires_at: number;
  revoked_at: number | null;
  rotated_at: number | null;
  /** The device's sign-in (null only for a token written outside the API). */
  sign_in_id: string | null;
}

export async function findSession(db: D1Database, tokenHash: string): Promise<SessionRow | null> {
  return db
    .prepare(
      `SELECT t.user_id, t.created_at AS token_created_at, t.expires_at, t.revoked_at, t.rotated_at, t.sign_in_id,
         u.id, u.display_name, u.discipline, u.unit_id, u.active, u.created_at,
         (SELECT group_concat(role, ',') FROM user_roles r WHERE r.user_id = u.id) AS roles
       FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ?1`,
    )
    .bind(tokenHash)
    .first<SessionRow>();
}

export async function getUser(db: D1Database, id: string): Promise<User | null> {
  const row = await db.prepare(`${SELECT_USER} WHERE u.id = ?1`).bind(id).first<UserRow>();
  return row ? toUser(row) : null;
}

export async function listUsers(
  db: D1Database,
  filter: { q?: string; role?: Role; active?: boolean },
): Promise<User[]> {
  const { results } = await db
    .prepare(
      `${SELECT_USER}
       WHERE (?1 IS NULL OR u.display_name LIKE '%' || ?1 || '%' ESCAPE '\\')
         AND (?2 IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?2))
         AND (?3 IS NULL OR u.active = ?3)
       ORDER BY u.display_name LIMIT 500`,
    )
    .bind(
      filter.q ? filter.q.replace(/[\\%_]/g, (m) => `\\${m}`) : null,
      filter.role ?? null,
      filter.active === undefined ? null : filter.active ? 1 : 0,
    )
    .all<UserRow>();
  return results.map(toUser);
}

export interface NewUser {
  id: string;
  displayName: string;
  discipline: Discipline;
  unitId: string | null;
  roles: readonly Role[];
  createdAt: number;
}

export function insertUserStatements(db: D1Database, user: NewUser): D1PreparedStatement[] {
  return [
    db
      .prepare(
        'INSERT INTO users (id, display_name, discipline, unit_id, active, created_at) VALUES (?1, ?2, ?3, ?4, 1, ?5)',
      )
      .bind(user.id, user.displayName, user.discipline, user.unitId, user.createdAt),
    ...user.roles.map((role) =>
      db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)').bind(user.id, role),
    ),
  ];
}

export function setRolesStatements(db: D1Database, userId: string, roles: readonly Role[]): D1PreparedStatement[] {
  forgetSessions();
  return [
    db.prepare('DELETE FROM user_roles WHERE user_id = ?1').bind(userId),
    ...roles.map((role) => db.prepare('INSERT INTO user_roles (user_id, role) VALUES (?1, ?2)').bind(userId, role)),
  ];
}

export function updateUserStatement(
  db: D1Database,
  userId: string,
  patch: { unitId?: string | null; discipline?: Discipline; displayName?: string },
): D1PreparedStatement {
  forgetSessions();
  return db
    .prepare(
      `UPDATE users SET
         unit_id = CASE WHEN ?2 THEN ?3 ELSE unit_id END,
         discipline = COALESCE(?4, discipline),
         display_name = COALESCE(?5, display_name)
       WHERE id = ?1`,
    )
    .bind(
      userId,
      patch.unitId !== undefined ? 1 : 0,
      patch.unitId ?? null,
      patch.discipline ?? null,
      patch.displayName ?? null,
    );
}

// Another active admin than ?1. The guards below test it inside the write itself, so two admins
// stepping down at the same moment cannot both pass a check made before either write.
const ANOTHER_ACTIVE_ADMIN = `EXISTS (SELECT 1 FROM users o JOIN user_roles r ON r.user_id = o.id
  WHERE r.role = 'admin' AND o.active = 1 AND o.id != ?1)`;

/** Deactivates a user unless they are the last active admin; false when refused. */
export async function deactivateUnlessLastAdmin(db: D1Database, userId: string): Promise<boolean> {
  forgetSessions();
  const { meta } = await db
    .prepare(
      `UPDATE users SET active = 0 WHERE id = ?1 AND (active = 0
         OR NOT EXISTS (SELECT 1 FROM user_roles WHERE user_id = ?1 AND role = 'admin')
         OR ${ANOTHER_ACTIVE_ADMIN})`,
    )
    .bind(userId)
    .run();
  forgetSessions();
  return meta.changes === 1;
}

/** Takes the admin role from a user unless they are the last active admin; false when refused. */
export async function removeAdminUnlessLast(db: D1Database, userId: string): Promise<boolean> {
  forgetSessions();
  const { meta } = await db
    .prepare(
      `DELETE FROM user_roles WHERE user_id = ?1 AND role = 'admin'
         AND (NOT EXISTS (SELECT 1 FROM users WHERE id = ?1 AND active = 1) OR ${ANOTHER_ACTIVE_ADMIN})`,
    )
    .bind(userId)
    .run();
  forgetSessions();
  return meta.changes === 1;
}

/** Active leads and mentors, by name: who may own a PDSA cycle. */
export async function listCycleOwners(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT u.id, u.display_name,
         MAX(r.role = 'lead') AS lead, MAX(r.role = 'mentor') AS mentor
       FROM users u JOIN user_roles r ON r.user_id = u.id
       WHERE u.active = 1 AND r.role IN ('lead', 'mentor')
       GROUP BY u.id ORDER BY u.display_name COLLATE NOCASE LIMIT 500`,
    )
    .all<{ id: string; display_name: string; lead: number; mentor: number }>();
  return results.map((r) => ({ id: r.id, displayName: r.display_name, lead: r.lead === 1, mentor: r.mentor === 1 }));
}

export async function countUsers(db: D1Database): Promise<number> {
  const row = await db.prepare('SELECT COUNT(*) AS n FROM users').first<{ n: number }>();
  return row?.n ?? 0;
}
