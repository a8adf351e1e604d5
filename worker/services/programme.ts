import { lastWeeks, weekOf, weekStart } from '../../shared/cost';
import { cellKey, splitCells } from '../../shared/kanon';
import type { ProgrammeHealth, ProgrammeQuery } from '../../shared/programme';
import type { Settings } from '../../shared/settings';
import { slaState } from '../../shared/sla';
import { cellsOfReporter } from '../db/hotspots';
import {
  type ProgrammeCell,
  programmeCounts,
  questionTimings,
  type RootState,
  recognitionTotals,
  type WeekCount,
} from '../db/programme';
import { now, toIso } from '../lib/clock';
import { weekWindow } from './hotspot-views';
import { pausesOf } from './sla-pauses';

const DEFAULT_WEEKS = 12;
const MINUTE = 60_000;
const LOOP_TARGET = 0.7;

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

const NO_STATE: RootState = { responded: false, changed: false, tested: false };

/** Flags in all, and on a hotspot whose root has a response or a change. */
function loopOf(counts: readonly WeekCount[], roots: ReadonlyMap<string, RootState>) {
  let flags = 0;
  let responded = 0;
  let changed = 0;
  let tested = 0;
  for (const c of counts) {
    const root = roots.get(c.hotspotId) ?? NO_STATE;
    flags += c.flags;
    if (root.responded) responded += c.flags;
    if (root.changed) changed += c.flags;
    if (root.tested) tested += c.flags;
  }
  return { flags, responded, changed, tested };
}

/**
 * Loop shares per unit from unit cells (shared/kanon.ts): each unit's shown cells, and one pool of
 * every held-back cell with no unit. Responded and changed follow each cell's root as it is now.
 */
function loopByUnit(
  cells: readonly ProgrammeCell[],
  roots: ReadonlyMap<string, RootState>,
  mine: ReadonlySet<string>,
  k: number,
) {
  const { shown, held } = splitCells(
    cells.map((c) => ({ ...c, ...(roots.get(c.hotspotId) ?? NO_STATE), viewerIn: mine.has(cellKey(c)) })),
    k,
  );
  const loop = (of: typeof shown) => {
    const flags = of.reduce((n, c) => n + c.flags, 0);
    const responded = of.reduce((n, c) => n + (c.responded ? c.flags : 0), 0);
    const changed = of.reduce((n, c) => n + (c.changed ? c.flags : 0), 0);
    return { flags, responded: share(responded, flags), changed: share(changed, flags) };
  };
  const units = [...new Set(shown.map((c) => c.unitKey))].sort();
  return {
    byUnit: units.map((u) => ({ unitId: u === '' ? null : u, ...loop(shown.filter((c) => c.unitKey === u)) })),
    otherUnits: loop(held),
  };
}

/** Programme health over whole weeks (default: the last 12). */
export async function buildProgrammeHealth(
  db: D1Database,
  q: ProgrammeQuery,
  settings: Settings,
  viewerId: string,
): Promise<ProgrammeHealth> {
  const k = settings.kAnonymity;
  const window = weekWindow(q.from, q.to);
  const toWeek = window.toWeek;
  const fromWeek = window.fromWeek ?? toWeek - DEFAULT_WEEKS + 1;
  const from = weekStart(fromWeek);
  const to = weekStart(toWeek + 1);
  const at = now();
  const [counts, questions, mine, recognition] = await Promise.all([
    programmeCounts(db, fromWeek, toWeek),
    questionTimings(db, from, to),
    cellsOfReporter(db, viewerId, fromWeek, toWeek),
    recognitionTotals(db, from, to),
  ]);
  const org = loopOf(counts.weeks, counts.roots);
  const units = loopByUnit(counts.cells, counts.roots, mine, k);

  const weeks = lastWeeks(weekStart(toWeek), toWeek - fromWeek + 1);
  const flagWeeks = new Map<number, number>();
  for (const w of counts.weeks) flagWeeks.set(w.week, (flagWeeks.get(w.week) ?? 0) + w.flags);
  const questionWeeks = new Map<number, number>();
  for (const qn of questions.asked) {
    const w = weekOf(qn.created_at);
    questionWeeks.set(w, (questionWeeks.get(w) ?? 0) + 1);
  }
  const answered = questions.asked.filter((x) => x.first_answer !== null);
  const minutes = answered.map((x) => ((x.first_answer ?? 0) - x.created_at) / MINUTE).sort((a, b) => a - b);
  const withinSla = answered.filter(
    (x) =>
      slaState(
        {
          urgency: x.urgency,
          askedAt: x.created_at,
          answeredAt: x.first_answer,
          pauses: pausesOf(x.messages),
          now: at,
        },
        settings,
      ).status === 'met',
  ).length;
  const pastSla = questions.open.filter(
    (x) =>
      slaState({ urgency: x.urgency, askedAt: x.created_at, pauses: pausesOf(x.messages), now: at }, settings)
        .status === 'breached',
  ).length;
  const load = [...questions.load].sort((a, b) => a - b);
  const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

  return {
    k,
    range: { from: toIso(from), to: toIso(to) },
    loop: {
      flags: org.flags,
      responded: share(org.responded, org.flags),
      changed: share(org.changed, org.flags),
    },
    loopTarget: LOOP_TARGET,
    flagsPerWeek: weeks.map((w) => ({ week: toIso(weekStart(w)), count: flagWeeks.get(w) ?? 0 })),
    questionsPerWeek: weeks.map((w) => ({ week: toIso(weekStart(w)), count: questionWeeks.get(w) ?? 0 })),
    firstAnswer: {
      answered: answered.length,
      medianMinutes: round(quantile(minutes, 0.5)),
      p90Minutes: round(quantile(minutes, 0.9)),
      withinSla: share(withinSla, answered.length),
    },
    openPastSla: pastSla,
    mentorLoad: {
      mentors: load.length,
      min: load[0] ?? null,
      median: quantile(load, 0.5),
      max: load[load.length - 1] ?? null,
    },
    kbDeflections: questions.kbOpens,
    ...units,
    growth: { tested: share(org.tested, org.flags), ...recognition },
    notes: [
      'Time to first answer is wall-clock time; within-SLA and past-SLA use the shared SLA clock, which stops while a question waits for the asker’s reply.',
      'Knowledge-base deflections count published answers opened in the range (tips for a screen are not counted).',
      'Weeks run Monday to Monday (UTC); ranges count whole weeks.',
      'Recognition counts the organisation’s thank-yous, helpful answers, mentors thanked and tips; it never lists or ranks a person.',
      `A unit shows only its cells (one screen, one week) with at least ${k} named people other than you; the rest is pooled as other units.`,
    ],
  };
}
