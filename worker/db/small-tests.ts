import type { PdsaDecision, PdsaStage } from '../../shared/pdsa';
import type { Approval, SmallTest, SmallTestRole } from '../../shared/small-tests';
import { toIso } from '../lib/clock';
import { toCycle } from './pdsa';

/**
 * Clinician-owned small tests: PDSA cycles with an owner (the clinician), a coach and a sponsor who
 * approves. Each rule is the WHERE of its statement; the reads name the caller's part in each.
 */

type Row = Parameters<typeof toCycle>[0] & {
  approval: Approval;
  approval_reason: string | null;
  sponsor_id: string;
  sponsor_name: string;
  coach_id: string | null;
  coach_name: string | null;
  result: string | null;
  coaching_question_id: string | null;
  client_id: string;
};

const SELECT = `SELECT c.*, o.display_name AS owner_name, s.display_name AS sponsor_name, k.display_name AS coach_name
  FROM pdsa_cycles c JOIN users o ON o.id = c.owner_id JOIN users s ON s.id = c.sponsor_id
  LEFT JOIN users k ON k.id = c.coach_id`;

function toSmallTest(row: Row, userId: string): SmallTest {
  const role: SmallTestRole = row.owner_id === userId ? 'owner' : row.sponsor_id === userId ? 'sponsor' : 'coach';
  return {
    cycle: toCycle(row),
    role,
    approval: row.approval,
    approvalReason: row.approval_reason,
    sponsorName: row.sponsor_name,
    coachName: row.coach_name,
    result: row.result,
    coachingQuestionId: row.coaching_question_id,
    createdAt: toIso(row.created_at),
  };
}

/** One small test as the caller sees it, or null when they are not its owner, coach or sponsor. */
export async function getSmallTest(db: D1Database, id: string, userId: string): Promise<SmallTest | null> {
  const row = await db
    .prepare(`${SELECT} WHERE c.id = ?1 AND c.approval IS NOT NULL AND ?2 IN (c.owner_id, c.coach_id, c.sponsor_id)`)
    .bind(id, userId)
    .first<Row>();
  return row ? toSmallTest(row, userId) : null;
}

export async function listSmallTests(db: D1Database, userId: string): Promise<SmallTest[]> {
  const { results } = await db
    .prepare(
      `${SELECT} WHERE c.approval IS NOT NULL AND (c.owner_id = ?1 OR c.coach_id = ?1 OR c.sponsor_id = ?1)
       ORDER BY c.created_at DESC, c.id`,
    )
    .bind(userId)
    .all<Row>();
  return results.map((r) => toSmallTest(r, userId));
}

export async function findSmallTestByClientId(db: D1Database, clientId: string) {
  return db
    .prepare(
      `SELECT id, owner_id, coaching_question_id, sponsor_id, change_idea, prediction, measure
       FROM pdsa_cycles WHERE client_id = ?1`,
    )
    .bind(clientId)
    .first<{
      id: string;
      owner_id: string;
      coaching_question_id: string | null;
      sponsor_id: string | null;
      change_idea: string;
      prediction: string;
      measure: string;
    }>();
}

export interface NewSmallTest {
  id: string;
  clientId: string;
  questionId: string;
  userId: string;
  sponsorId: string;
  changeIdea: string;
  prediction: string;
  measure: string;
  at: number;
}

/**
 * From the asker's own coaching thread, on the hotspot its flag counts in; the coach is who holds or
 * answered the thread, the sponsor an active lead. Returns whether this call stored it.
 */
export async function insertSmallTest(db: D1Database, n: NewSmallTest): Promise<boolean> {
  const { meta } = await db
    .prepare(
      `INSERT INTO pdsa_cycles (id, client_id, hotspot_id, owner_id, change_idea, prediction, measure, created_at,
         coaching_question_id, coach_id, sponsor_id, approval)
       SELECT ?1, ?2, l.root_id, q.user_id, ?5, ?6, ?7, ?8, q.id, q.claimed_by, ?4, 'pending'
       FROM coaching k JOIN questions q ON q.id = k.question_id JOIN flags f ON f.id = k.flag_id
         JOIN hotspots l ON l.id = f.hotspot_id
       WHERE k.question_id = ?3 AND q.user_id = ?9
         AND EXISTS (SELECT 1 FROM users u JOIN user_roles r ON r.user_id = u.id
                     WHERE u.id = ?4 AND u.active = 1 AND r.role = 'lead')
       ON CONFLICT(client_id) DO NOTHING`,
    )
    .bind(n.id, n.clientId, n.questionId, n.sponsorId, n.changeIdea, n.prediction, n.measure, n.at, n.userId)
    .run();
  return meta.changes === 1;
}

const APPROVAL_OF = { approve: 'approved', changes: 'changes', decline: 'declined' } as const;

/** The sponsor decides, once, while it waits. */
export async function decideSmallTest(
  db: D1Database,
  id: string,
  sponsorId: string,
  decision: keyof typeof APPROVAL_OF,
  reason: string | null,
): Promise<boolean> {
  const { meta } = await db
    .prepare(
      `UPDATE pdsa_cycles SET approval = ?3, approval_reason = ?4
       WHERE id = ?1 AND sponsor_id = ?2 AND approval = 'pending'`,
    )
    .bind(id, sponsorId, APPROVAL_OF[decision], reason)
    .run();
  return meta.changes === 1;
}

/** After "ask for changes", the owner's new plan goes back to the sponsor. */
export async function reviseSmallTest(
  db: D1Database,
  id: string,
  ownerId: string,
  plan: { changeIdea: string; prediction: string; measure: string },
): Promise<boolean> {
  const { meta } = await db
    .prepare(
      `UPDATE pdsa_cycles SET change_idea = ?3, prediction = ?4, measure = ?5, approval = 'pending'
       WHERE id = ?1 AND owner_id = ?2 AND approval = 'changes'`,
    )
    .bind(id, ownerId, plan.changeIdea, plan.prediction, plan.measure)
    .run();
  return meta.changes === 1;
}

const STAGE_COLUMNS = {
  do: { notes: 'do_notes', at: 'do_at' },
  study: { notes: 'study_notes', at: 'study_at' },
  act: { notes: 'act_notes', at: 'act_at' },
} as const;

/** The owner moves an approved cycle one stage on; Act records the decision and the result sentence. */
export async function advanceSmallTest(
  db: D1Database,
  id: string,
  ownerId: string,
  to: keyof typeof STAGE_COLUMNS,
  from: PdsaStage,
  patch: { notes: string | null; decision: PdsaDecision | null; result: string | null; at: number },
): Promise<boolean> {
  const cols = STAGE_COLUMNS[to];
  const { meta } = await db
    .prepare(
      `UPDATE pdsa_cycles SET stage = ?3, ${cols.notes} = ?5, ${cols.at} = ?6, decision = COALESCE(?7, decision),
         result = COALESCE(?8, result)
       WHERE id = ?1 AND owner_id = ?2 AND stage = ?4 AND approval = 'approved'`,
    )
    .bind(id, ownerId, to, from, patch.notes, patch.at, patch.decision, patch.result)
    .run();
  return meta.changes === 1;
}

/** Active leads, for the clinician's sponsor picker. */
export async function listSponsors(db: D1Database) {
  const { results } = await db
    .prepare(
      `SELECT u.id, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'lead'
       WHERE u.active = 1 ORDER BY u.display_name, u.id LIMIT 500`,
    )
    .all<{ id: string; display_name: string }>();
  return results.map((r) => ({ id: r.id, displayName: r.display_name }));
}
