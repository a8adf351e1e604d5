import type { CodeInfo, CodeKind } from '../../shared/codes';
import type { Discipline, Role } from '../../shared/enums';
import { toIso } from '../lib/clock';

interface CodeRow {
  id: string;
  kind: CodeKind;
  roles: string;
  unit_id: string | null;
  discipline: Discipline | null;
  user_id: string | null;
  max_uses: number;
  uses: number;
  label: string | null;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
  created_by: string | null;
}

const COLUMNS =
  'id, kind, roles, unit_id, discipline, user_id, max_uses, uses, label, expires_at, revoked_at, created_at, created_by';

/** A code as the sign-in needs it: who made it tells an admin's code from the user's own device code. */
export type CodeRecord = CodeInfo & { createdBy: string | null };

export function toCodeInfo(row: CodeRow): CodeInfo {
  return {
    id: row.id,
    kind: row.kind,
    roles: JSON.parse(row.roles) as Role[],
    unitId: row.unit_id,
    discipline: row.discipline,
    userId: row.user_id,
    maxUses: row.max_uses,
    uses: row.uses,
    label: row.label,
    expiresAt: toIso(row.expires_at),
    revokedAt: row.revoked_at === null ? null : toIso(row.revoked_at),
    createdAt: toIso(row.created_at),
  };
}

const toCodeRecord = (row: CodeRow): CodeRecord => ({ ...toCodeInfo(row), createdBy: row.created_by });

export interface NewCode {
  id: string;
  hash: string;
  kind: CodeKind;
  roles: readonly Role[];
  unitId: string | null;
  discipline: Discipline | null;
  userId: string | null;
  maxUses: number;
  label: string | null;
  expiresAt: number;
  createdBy: string;
  createdAt: number;
}

export function insertCodeStatement(db: D1Database, code: NewCode): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO codes (id, hash, kind, roles, unit_id, discipline, user_id, max_uses, label, expires_at, created_by, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`,
    )
    .bind(
      code.id,
      code.hash,
      code.kind,
      JSON.stringify(code.roles),
      code.unitId,
      code.discipline,
      code.userId,
      code.maxUses,
      code.label,
      code.expiresAt,
      code.createdBy,
      code.createdAt,
    );
}

export async function getCode(db: D1Database, id: string): Promise<CodeInfo | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM codes WHERE id = ?1`).bind(id).first<CodeRow>();
  return row ? toCodeInfo(row) : null;
}

export async function findCodeByHash(db: D1Database, hash: string): Promise<CodeRecord | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM codes WHERE hash = ?1`).bind(hash).first<CodeRow>();
  return row ? toCodeRecord(row) : null;
}

/** A sign-in code someone else made for a peer supporter; never usable (see consumeCode). */
const PEER_SUPPORTER_BY_ANOTHER = `kind = 'signin' AND created_by IS NOT user_id
  AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = codes.user_id AND r.role = 'peer_supporter')`;

export async function isPeerSupporterCodeByAnother(db: D1Database, id: string): Promise<boolean> {
  const row = await db
    .prepare(`SELECT 1 AS hit FROM codes WHERE id = ?1 AND ${PEER_SUPPORTER_BY_ANOTHER}`)
    .bind(id)
    .first();
  return row !== null;
}

export async function listCodes(db: D1Database): Promise<CodeInfo[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM codes WHERE kind != 'bootstrap' ORDER BY created_at DESC LIMIT 500`)
    .all<CodeRow>();
  return results.map(toCodeInfo);
}

/**
 * Takes one use of a code in a single conditional statement, so two people racing for the last
 * use cannot both win. Returns null when the code is unusable (used up, expired, revoked, or a
 * sign-in code someone else made for a user who is a peer supporter now).
 */
export async function consumeCode(db: D1Database, hash: string, at: number): Promise<CodeRecord | null> {
  const row = await db
    .prepare(
      `UPDATE codes SET uses = uses + 1
       WHERE hash = ?1 AND uses < max_uses AND revoked_at IS NULL AND expires_at > ?2
         AND NOT (${PEER_SUPPORTER_BY_ANOTHER})
       RETURNING ${COLUMNS}`,
    )
    .bind(hash, at)
    .first<CodeRow>();
  return row ? toCodeRecord(row) : null;
}

export async function revokeCode(db: D1Database, id: string, at: number): Promise<CodeInfo | null> {
  const row = await db
    .prepare(
      `UPDATE codes SET revoked_at = COALESCE(revoked_at, ?2) WHERE id = ?1 AND kind != 'bootstrap' RETURNING ${COLUMNS}`,
    )
    .bind(id, at)
    .first<CodeRow>();
  return row ? toCodeInfo(row) : null;
}
