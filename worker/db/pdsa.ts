import type { PdsaCycle, PdsaDecision, PdsaProgress, PdsaStage } from '../../shared/pdsa';
import { toIso } from '../lib/clock';

interface CycleRow {
  id: string;
  hotspot_id: string;
  owner_id: string;
  owner_name: string;
  stage: PdsaStage;
  change_idea: string;
  prediction: string;
  measure: string;
  do_notes: string | null;
  study_notes: string | null;
  decision: PdsaDecision | null;
  act_notes: string | null;
  created_at: number;
  do_at: number | null;
  study_at: number | null;
  act_at: number | null;
  result?: string | null;
  root_id?: string;
}

const iso = (ms: number | null) => (ms === null ? null : toIso(ms));

export function toCycle(row: CycleRow): PdsaCycle {
  return {
    id: row.id,
    hotspotId: row.hotspot_id,
    ownerId: row.owner_id,
    ownerName: row.owner_name,
    stage: row.stage,
    changeIdea: row.change_idea,
    prediction: row.prediction,
    measure: row.measure,
    doNotes: row.do_notes,
    studyNotes: row.study_notes,
    decision: row.decision,
    actNotes: row.act_notes,
    createdAt: toIso(row.created_at),
    doAt: iso(row.do_at),
    studyAt: iso(row.study_at),
    actAt: iso(row.act_at),
    result: row.result ?? null,
  };
}

const SELECT = `SELECT c.*, u.display_name AS owner_name, l.root_id FROM pdsa_cycles c
  JOIN users u ON u.id = c.owner_id JOIN hotspots l ON l.id = c.hotspot_id`;

/** Inserts a cycle unless its client id is taken; the change count says which (1 created, 0 not). */
export async function insertCycle(
  db: D1Database,
  c: {
    id: string;
    clientId: string;
    bodyHash: string;
    createdBy: string;
    hotspotId: string;
    ownerId: string;
    changeIdea: string;
    prediction: string;
    measure: string;
    at: number;
  },
): Promise<number> {
  const { meta } = await db
    .prepare(
      `INSERT INTO pdsa_cycles
         (id, hotspot_id, owner_id, change_idea, prediction, measure, created_at, client_id, body_hash, created_by)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
       ON CONFLICT (client_id) DO NOTHING`,
    )
    .bind(
      c.id,
      c.hotspotId,
      c.ownerId,
      c.changeIdea,
      c.prediction,
      c.measure,
      c.at,
      c.clientId,
      c.bodyHash,
      c.createdBy,
    )
    .run();
  return meta.changes;
}

/** The cycle stored under a client id, with what a retry is checked against. */
export async function findCycleByClientId(
  db: D1Database,
  clientId: string,
): Promise<{ cycle: PdsaCycle; bodyHash: string; createdBy: string } | null> {
  const row = await db
    .prepare(`${SELECT} WHERE c.client_id = ?1`)
    .bind(clientId)
    .first<CycleRow & { body_hash: string; created_by: string }>();
  return row ? { cycle: toCycle(row), bodyHash: row.body_hash, createdBy: row.created_by } : null;
}

export async function getCycle(db: D1Database, id: string): Promise<PdsaCycle | null> {
  const row = await db.prepare(`${SELECT} WHERE c.id = ?1`).bind(id).first<CycleRow>();
  return row ? toCycle(row) : null;
}

/**
 * Cycles of every hotspot counting at these roots, oldest first. A clinician's cycle shows here only
 * once its sponsor approved it: until then it is the clinician's, the coach's and the sponsor's.
 */
export async function cyclesOfRoots(db: D1Database, rootIds: string[]): Promise<Map<string, PdsaCycle[]>> {
  const out = new Map<string, PdsaCycle[]>();
  if (rootIds.length === 0) return out;
  const { results } = await db
    .prepare(
      `${SELECT} WHERE l.root_id IN (SELECT value FROM json_each(?1))
         AND (c.approval IS NULL OR c.approval = 'approved') ORDER BY c.created_at`,
    )
    .bind(JSON.stringify(rootIds))
    .all<CycleRow>();
  for (const row of results) {
    const list = out.get(row.root_id ?? '') ?? [];
    list.push(toCycle(row));
    out.set(row.root_id ?? '', list);
  }
  return out;
}

export function toProgress(c: PdsaCycle): PdsaProgress {
  return { id: c.id, stage: c.stage, changeIdea: c.changeIdea, decision: c.decision, result: c.result ?? null };
}

const STAGE_COLUMNS: Record<Exclude<PdsaStage, 'plan'>, { notes: string; at: string }> = {
  do: { notes: 'do_notes', at: 'do_at' },
  study: { notes: 'study_notes', at: 'study_at' },
  act: { notes: 'act_notes', at: 'act_at' },
};

/**
 * One step forward, only from the stage before it (one conditional UPDATE), and never for a clinician's
 * cycle its sponsor has not approved. False if refused.
 */
export async function advanceCycle(
  db: D1Database,
  id: string,
  to: Exclude<PdsaStage, 'plan'>,
  from: PdsaStage,
  patch: { notes: string | null; decision: PdsaDecision | null; at: number },
): Promise<boolean> {
  const cols = STAGE_COLUMNS[to];
  const update = db
    .prepare(
      `UPDATE pdsa_cycles SET stage = ?2, ${cols.notes} = ?4, ${cols.at} = ?5, decision = COALESCE(?6, decision)
       WHERE id = ?1 AND stage = ?3 AND (approval IS NULL OR approval = 'approved')`,
    )
    .bind(id, to, from, patch.notes, patch.at, patch.decision);
  return (await update.run()).meta.changes === 1;
}
