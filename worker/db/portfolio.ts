import type { Portfolio } from '../../shared/portfolio';
import { toIso } from '../lib/clock';

/**
 * The parts of a person's portfolio only SQL can gather, each bound to their own id. Peer support is
 * left out by `kind = 'question'`; unapproved small tests by their approval.
 */
export async function portfolioRows(db: D1Database, userId: string) {
  const [questions, flags, cycles] = await db.batch([
    db
      .prepare(
        `SELECT q.id, q.text, t.name AS topic_name, q.created_at, q.first_answered_at, q.helpful
         FROM questions q LEFT JOIN topics t ON t.id = q.topic_id
         WHERE q.user_id = ?1 AND q.kind = 'question' ORDER BY q.created_at DESC LIMIT 500`,
      )
      .bind(userId),
    db
      .prepare(
        `SELECT DISTINCT f.id, f.text, f.created_at, c.decision, c.result, c.change_idea
         FROM flags f JOIN hotspots l ON l.id = f.hotspot_id JOIN hotspots cl ON cl.root_id = l.root_id
           JOIN pdsa_cycles c ON c.hotspot_id = cl.id
         WHERE f.user_id = ?1 AND f.anonymous = 0 AND f.withdrawn IS NULL AND c.decision IN ('adopt', 'adapt')
           AND (c.approval IS NULL OR c.approval = 'approved')
         ORDER BY f.created_at DESC LIMIT 500`,
      )
      .bind(userId),
    db
      .prepare(
        `SELECT CASE WHEN c.owner_id = ?1 THEN 'owner' ELSE 'coach' END AS role, c.change_idea, c.stage, c.decision,
           c.result, c.created_at
         FROM pdsa_cycles c
         WHERE (c.owner_id = ?1 OR c.coach_id = ?1) AND (c.approval IS NULL OR c.approval = 'approved')
         ORDER BY c.created_at DESC LIMIT 500`,
      )
      .bind(userId),
  ]);
  type Q = {
    id: string;
    text: string;
    topic_name: string | null;
    created_at: number;
    first_answered_at: number | null;
    helpful: number | null;
  };
  type F = {
    text: string;
    created_at: number;
    decision: 'adopt' | 'adapt';
    result: string | null;
    change_idea: string;
  };
  type C = Portfolio['cycles'][number] & { change_idea: string; created_at: number };
  const words = { adopt: 'Adopted', adapt: 'Adapted' } as const;
  return {
    questions: ((questions?.results ?? []) as Q[]).map((q) => ({
      id: q.id,
      text: q.text,
      topicName: q.topic_name,
      askedAt: toIso(q.created_at),
      answered: q.first_answered_at !== null,
      helpful: q.helpful === null ? null : q.helpful === 1,
    })),
    flagsThatLedToChange: ((flags?.results ?? []) as F[]).map((f) => ({
      text: f.text,
      change: `${words[f.decision]}: ${f.result ?? f.change_idea}`,
      flaggedAt: toIso(f.created_at),
    })),
    cycles: ((cycles?.results ?? []) as C[]).map((c) => ({
      role: c.role,
      changeIdea: c.change_idea,
      stage: c.stage,
      decision: c.decision,
      result: c.result,
      startedAt: toIso(c.created_at),
    })),
  };
}
