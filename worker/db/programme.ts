import type { Urgency } from '../../shared/enums';
import { MESSAGES_COLUMN } from './questions';
import { type PackedCell, rootChanged, unpackUnits } from './rollups';

/** A root "led to a change": resolved, or a PDSA cycle on it adopted or adapted its idea. */
const CHANGED = rootChanged('r');

/** Whether a hotspot's root, as it is now, has a response, has led to a change and has a test of change. */
export interface RootState {
  responded: boolean;
  changed: boolean;
  /** A cycle on the root that a lead started, or one its sponsor approved. */
  tested: boolean;
}

/** Flags one hotspot took in one week (hotspot_weeks) or one unit's cell of it (shared/kanon.ts). */
export interface WeekCount {
  hotspotId: string;
  week: number;
  flags: number;
}

export type ProgrammeCell = PackedCell;

/**
 * What programme health counts, in one round trip and without a join per counted row: every hotspot's
 * root state once (rows: hotspots), then the window's columns alone (hotspot_weeks, one row per hotspot
 * and week with its unit cells packed in it: bounded by hotspots × weeks, whatever the number of flags
 * or units), matched to their root state in the service. Joining each rollup row to its hotspot and root
 * in SQL read three rows for every one counted.
 */
export async function programmeCounts(db: D1Database, fromWeek: number, toWeek: number) {
  const [roots, weeks] = await db.batch<Record<string, unknown>>([
    db.prepare(
      `SELECT l.id, r.response IS NOT NULL AS responded, ${CHANGED} AS changed,
         EXISTS (SELECT 1 FROM pdsa_cycles c JOIN hotspots cl ON cl.id = c.hotspot_id
           WHERE cl.root_id = r.id AND (c.approval IS NULL OR c.approval = 'approved')) AS tested
       FROM hotspots l JOIN hotspots r ON r.id = l.root_id`,
    ),
    db
      .prepare('SELECT hotspot_id, week, flag_count, units FROM hotspot_weeks WHERE week BETWEEN ?1 AND ?2')
      .bind(fromWeek, toWeek),
  ]);
  const rows = (r: typeof roots) => (r?.results ?? []) as Record<string, number | string>[];
  const columns = rows(weeks);
  return {
    roots: new Map(
      rows(roots).map((r): [string, RootState] => [
        String(r.id),
        { responded: r.responded === 1, changed: r.changed === 1, tested: r.tested === 1 },
      ]),
    ),
    weeks: columns.map(
      (r): WeekCount => ({ hotspotId: String(r.hotspot_id), week: Number(r.week), flags: Number(r.flag_count) }),
    ),
    cells: columns.flatMap((r) => unpackUnits(String(r.hotspot_id), Number(r.week), String(r.units))),
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
