import { lastWeeks, weekOf, weekStart } from '../../shared/cost';
import type { ProgrammeHealth, ProgrammeQuery } from '../../shared/programme';
import type { Settings } from '../../shared/settings';
import { slaState } from '../../shared/sla';
import { loopTotals, questionTimings } from '../db/programme';
import { pausesOf } from '../db/sla-pauses';
import { now, toIso } from './clock';
import { weekWindow } from './hotspot-views';

const DEFAULT_WEEKS = 12;
const MINUTE = 60_000;
const LOOP_TARGET = 0.7;

function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? null;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** Programme health over whole weeks (default: the last 12). */
export async function buildProgrammeHealth(
  db: D1Database,
  q: ProgrammeQuery,
  settings: Settings,
): Promise<ProgrammeHealth> {
  const k = settings.kAnonymity;
  const window = weekWindow(q.from, q.to);
  const toWeek = window.toWeek;
  const fromWeek = window.fromWeek ?? toWeek - DEFAULT_WEEKS + 1;
  const from = weekStart(fromWeek);
  const to = weekStart(toWeek + 1);
  const at = now();
  const [loop, questions] = await Promise.all([loopTotals(db, fromWeek, toWeek), questionTimings(db, from, to)]);

  const weeks = lastWeeks(weekStart(toWeek), toWeek - fromWeek + 1);
  const flagWeeks = new Map(loop.weeks.map((w) => [w.week, w.flags]));
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
      flags: loop.org.flags,
      responded: share(loop.org.responded, loop.org.flags),
      changed: share(loop.org.changed, loop.org.flags),
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
    byUnit: loop.units.map((u) => {
      const ok = (u.reporters ?? 0) >= k;
      return {
        unitId: u.unit_key === '' ? null : u.unit_key,
        suppressed: !ok,
        flags: ok ? u.flags : null,
        responded: ok ? share(u.responded, u.flags) : null,
        changed: ok ? share(u.changed, u.flags) : null,
      };
    }),
    notes: [
      'Time to first answer is wall-clock time; within-SLA and past-SLA use the shared SLA clock, which stops while a question waits for the asker’s reply.',
      'Knowledge-base deflections count published answers opened in the range (tips for a screen are not counted).',
      'Weeks run Monday to Monday (UTC); ranges count whole weeks.',
    ],
  };
}
