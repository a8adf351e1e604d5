import type { Urgency } from '../../shared/enums';
import { MESSAGES_COLUMN } from './questions';
import { rootChanged } from './rollups';

/** A root "led to a change": resolved, or a PDSA cycle on it adopted or adapted its idea. */
const CHANGED = rootChanged('r');

export interface LoopRow {
  flags: number;
  responded: number;
  changed: number;
  /** On a root with a test of change (a cycle a lead started, or one its sponsor approved). */
  tested: number;
}

/**
 * Organisation-wide: flags in a week window, how many of them sit on a hotspot with a response or a
 * change, and flags per week. (Per unit: unit cells, worker/services/programme.ts.)
 */
export async function loopTotals(db: D1Database, fromWeek: number, toWeek: number) {
  const [org, weeks] = await db.batch<LoopRow & { week?: number }>([
    db
      .prepare(
        `SELECT COALESCE(SUM(w.flag_count), 0) AS flags,
           COALESCE(SUM(CASE WHEN r.response IS NOT NULL THEN w.flag_count ELSE 0 END), 0) AS responded,
           COALESCE(SUM(CASE WHEN ${CHANGED} THEN w.flag_count ELSE 0 END), 0) AS changed,
           COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM pdsa_cycles c JOIN hotspots cl ON cl.id = c.hotspot_id
             WHERE cl.root_id = r.id AND (c.approval IS NULL OR c.approval = 'approved'))
             THEN w.flag_count ELSE 0 END), 0) AS tested
         FROM hotspot_weeks w JOIN hotspots l ON l.id = w.hotspot_id JOIN hotspots r ON r.id = l.root_id
         WHERE w.week BETWEEN ?1 AND ?2`,
      )
      .bind(fromWeek, toWeek),
    db
      .prepare(
        `SELECT week, SUM(flag_count) AS flags, 0 AS responded, 0 AS changed, 0 AS tested FROM hotspot_weeks
         WHERE week BETWEEN ?1 AND ?2 GROUP BY week`,
      )
      .bind(fromWeek, toWeek),
  ]);
  return {
    org: org?.results[0] ?? { flags: 0, responded: 0, changed: 0, tested: 0 },
    weeks: (weeks?.results ?? []).map((w) => ({ week: w.week ?? 0, flags: w.flags })),
  };
}

export interface QuestionTiming {
  urgency: Urgency;
  created_at: number;
  first_answer: number | null;
  status: string;
  /** Its clarifications and replies (`MESSAGES_COLUMN`), for the SLA clock's pauses. */
  messages: string | null;
}

/**
 * Questions asked in a time window with their first answer, open ones (for past-SLA), answers per
 * mentor and published answers opened.
 * "Need to talk" requests are peer support, not mentoring: they never enter programme metrics.
 */
export async function questionTimings(db: D1Database, from: number, to: number) {
  const [asked, open, load, opens] = await db.batch<QuestionTiming & { mentor_id?: string; n?: number }>([
    db
      .prepare(
        `SELECT q.urgency, q.created_at, q.status,
           (SELECT MIN(a.created_at) FROM answers a WHERE a.question_id = q.id) AS first_answer, ${MESSAGES_COLUMN}
         FROM questions q WHERE q.kind = 'question' AND q.created_at >= ?1 AND q.created_at < ?2`,
      )
      .bind(from, to),
    db.prepare(
      `SELECT q.urgency, q.created_at, q.status, NULL AS first_answer, ${MESSAGES_COLUMN} FROM questions q
       WHERE q.kind = 'question' AND q.status IN ('open', 'clarifying')
         AND NOT EXISTS (SELECT 1 FROM answers a WHERE a.question_id = q.id)`,
    ),
    db
      .prepare(
        `SELECT a.mentor_id, COUNT(*) AS n FROM answers a JOIN questions q ON q.id = a.question_id
         WHERE q.kind = 'question' AND a.created_at >= ?1 AND a.created_at < ?2 GROUP BY a.mentor_id`,
      )
      .bind(from, to),
    // Published answers opened in the window: each a question that did not need asking.
    db.prepare('SELECT COUNT(*) AS n FROM kb_opens WHERE at >= ?1 AND at < ?2').bind(from, to),
  ]);
  return {
    asked: (asked?.results ?? []) as QuestionTiming[],
    open: (open?.results ?? []) as QuestionTiming[],
    load: ((load?.results ?? []) as { n?: number }[]).map((r) => r.n ?? 0),
    kbOpens: ((opens?.results ?? []) as { n?: number }[])[0]?.n ?? 0,
  };
}

/**
 * Mentor recognition in a time window, as organisation counts only (no row per mentor leaves here):
 * thank-yous, questions asked in the window marked helpful, distinct mentors thanked, tips written.
 * Peer support is not mentoring: "need to talk" never counts.
 */
export async function recognitionTotals(db: D1Database, from: number, to: number) {
  const row = await db
    .prepare(
      `SELECT
         (SELECT COUNT(*) FROM thanks t JOIN questions q ON q.id = t.question_id
           WHERE q.kind = 'question' AND t.created_at >= ?1 AND t.created_at < ?2) AS thanks,
         (SELECT COUNT(*) FROM questions q
           WHERE q.kind = 'question' AND q.helpful = 1 AND q.created_at >= ?1 AND q.created_at < ?2) AS helpful,
         (SELECT COUNT(DISTINCT a.mentor_id) FROM thanks t JOIN questions q ON q.id = t.question_id
           JOIN answers a ON a.question_id = t.question_id
           WHERE q.kind = 'question' AND t.created_at >= ?1 AND t.created_at < ?2) AS mentors,
         (SELECT COUNT(*) FROM tips WHERE created_at >= ?1 AND created_at < ?2) AS tips`,
    )
    .bind(from, to)
    .first<{ thanks: number; helpful: number; mentors: number; tips: number }>();
  return {
    thanks: row?.thanks ?? 0,
    markedHelpful: row?.helpful ?? 0,
    mentorsThanked: row?.mentors ?? 0,
    tipsWritten: row?.tips ?? 0,
  };
}
