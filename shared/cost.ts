import type { Frequency } from './enums';
import type { Settings } from './settings';

export const WEEK_MS = 7 * 24 * 3_600_000;
/** 1970-01-05 was a Monday: weeks run Monday 00:00 UTC to Monday 00:00 UTC. */
const FIRST_MONDAY_MS = 4 * 24 * 3_600_000;

/**
 * Estimated minutes a flag costs per week: minutes lost × the frequency's weekly multiplier.
 * `once` counts its minutes once. Rounded to whole minutes so rollups add up exactly.
 */
export function minutesPerWeek(
  minutesLost: number,
  frequency: Frequency,
  multipliers: Settings['frequencyMultipliers'],
): number {
  const factor = frequency === 'once' ? 1 : multipliers[frequency];
  return Math.round(minutesLost * factor);
}

/** The week (a whole number, Monday-based, UTC) a moment falls in. */
export function weekOf(ms: number): number {
  return Math.floor((ms - FIRST_MONDAY_MS) / WEEK_MS);
}

/** When a week starts, in epoch milliseconds. */
export function weekStart(week: number): number {
  return week * WEEK_MS + FIRST_MONDAY_MS;
}

/** The last `count` weeks ending with the week of `ms`, oldest first. */
export function lastWeeks(ms: number, count: number): number[] {
  const end = weekOf(ms);
  return Array.from({ length: count }, (_, i) => end - count + 1 + i);
}

/**
 * Rising: flags in the last four weeks minus the four before, from a week → count map.
 * Positive means more people hit it lately.
 */
export function risingScore(counts: ReadonlyMap<number, number>, currentWeek: number): number {
  let recent = 0;
  let before = 0;
  for (let i = 0; i < 4; i++) {
    recent += counts.get(currentWeek - i) ?? 0;
    before += counts.get(currentWeek - 4 - i) ?? 0;
  }
  return recent - before;
}
