import { z } from 'zod';
import type { Urgency } from './enums';
import type { Settings } from './settings';

/**
 * The one service-level clock for questions, used by the mentor queue and by programme metrics.
 * `today` counts every clock hour; `this_week` counts only Monday–Friday wall time in the
 * organisation's time zone. Time a question waits for the asker's reply to a clarifying question
 * does not count. Hand-offs do not restart the clock: it always runs from when the question was asked.
 */

export const SlaStatus = z.enum(['on_track', 'due_soon', 'breached', 'paused', 'met', 'missed']);
export type SlaStatus = z.infer<typeof SlaStatus>;

export const SlaState = z.object({
  status: SlaStatus,
  /** When the target is reached if nothing changes; null while paused or once answered. */
  dueAt: z.iso.datetime().nullable(),
  /** Counted time left (negative once breached), in milliseconds. */
  remainingMs: z.number(),
  targetMs: z.number(),
});
export type SlaState = z.infer<typeof SlaState>;

export type SlaSettings = Pick<Settings, 'timeZone' | 'slaTodayHours' | 'slaThisWeekWorkingDays'>;

export interface SlaInput {
  urgency: Urgency;
  /** Epoch ms when the question was asked. */
  askedAt: number;
  /** Epoch ms of the first answer, if any. */
  answeredAt?: number | null;
  /** Waits for the asker; an open pause has no `to`. */
  pauses?: ReadonlyArray<{ from: number; to?: number | null }>;
  now: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Below this share of the target left, a question is due soon. */
const DUE_SOON_SHARE = 0.25;
// A guard against a corrupt input looping for ever: no question waits ten years.
const MAX_DAYS = 3660;

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string): Intl.DateTimeFormat {
  let f = weekdayFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    weekdayFormats.set(timeZone, f);
  }
  return f;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  weekday: string;
  /** Wall-clock time of the instant, as if it were UTC. */
  wall: number;
}

function localParts(at: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of format(timeZone).formatToParts(new Date(at))) parts[p.type] = p.value;
  const year = Number(parts.year);
  const month = Number(parts.month);
  const day = Number(parts.day);
  const wall = Date.UTC(year, month - 1, day, Number(parts.hour), Number(parts.minute), Number(parts.second));
  return { year, month, day, weekday: parts.weekday ?? '', wall: wall + (((at % 1000) + 1000) % 1000) };
}

/** The instant local midnight starts the day `days` after the one holding `at` (0: its own), DST included. */
function localMidnight(at: number, timeZone: string, days: 0 | 1): number {
  const { year, month, day, wall } = localParts(at, timeZone);
  const wallMidnight = Date.UTC(year, month - 1, day + days);
  // Offsets are found at the guess and corrected once, which settles on both sides of a DST change.
  let guess = wallMidnight - (wall - at);
  guess = wallMidnight - (localParts(guess, timeZone).wall - guess);
  if (days === 0) return Math.min(guess, at);
  return guess > at ? guess : at + DAY;
}

interface LocalDay {
  start: number;
  /** The next local midnight. */
  end: number;
  working: boolean;
}

/**
 * Local days already worked out, per time zone, oldest first. A queue page asks about the same few
 * days for every question, and each look-up through Intl is costly, so each day is worked out once.
 */
const knownDays = new Map<string, LocalDay[]>();
const MAX_KNOWN_DAYS = 4000;

function computeDay(at: number, timeZone: string): LocalDay {
  const weekday = localParts(at, timeZone).weekday;
  return {
    start: localMidnight(at, timeZone, 0),
    end: localMidnight(at, timeZone, 1),
    working: weekday !== 'Sat' && weekday !== 'Sun',
  };
}

/** The local day holding `at`. */
function localDay(at: number, timeZone: string): LocalDay {
  let days = knownDays.get(timeZone);
  if (!days || days.length > MAX_KNOWN_DAYS) {
    days = [];
    knownDays.set(timeZone, days);
  }
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((days[mid] as LocalDay).end <= at) lo = mid + 1;
    else hi = mid;
  }
  const found = days[lo];
  if (found && found.start <= at) return found;
  const day = computeDay(at, timeZone);
  days.splice(lo, 0, day);
  return day;
}

/** Counted time between two instants: all of it for `today`, weekday time for `this_week`. */
export function countedMs(urgency: Urgency, from: number, to: number, timeZone: string): number {
  if (to <= from) return 0;
  if (urgency === 'today') return to - from;
  let total = 0;
  let cursor = from;
  for (let i = 0; cursor < to && i < MAX_DAYS; i++) {
    const day = localDay(cursor, timeZone);
    const end = Math.min(day.end, to);
    if (day.working) total += end - cursor;
    cursor = end;
  }
  return total;
}

/** The instant `amount` of counted time after `from`. */
export function addCounted(urgency: Urgency, from: number, amount: number, timeZone: string): number {
  if (urgency === 'today' || amount <= 0) return from + Math.max(amount, 0);
  let left = amount;
  let cursor = from;
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = localDay(cursor, timeZone);
    if (day.working) {
      if (day.end - cursor >= left) return cursor + left;
      left -= day.end - cursor;
    }
    cursor = day.end;
  }
  return cursor;
}

export function slaTargetMs(urgency: Urgency, settings: SlaSettings): number {
  return urgency === 'today' ? settings.slaTodayHours * HOUR : settings.slaThisWeekWorkingDays * DAY;
}

export function slaState(input: SlaInput, settings: SlaSettings): SlaState {
  const { urgency, askedAt, now } = input;
  const tz = settings.timeZone;
  const targetMs = slaTargetMs(urgency, settings);
  const end = input.answeredAt ?? now;
  let paused = false;
  let pausedMs = 0;
  for (const p of input.pauses ?? []) {
    const to = Math.min(p.to ?? end, end);
    if (p.to == null && p.from <= end && input.answeredAt == null) paused = true;
    pausedMs += countedMs(urgency, Math.max(p.from, askedAt), to, tz);
  }
  const elapsed = countedMs(urgency, askedAt, end, tz) - pausedMs;
  const remainingMs = targetMs - elapsed;
  const iso = (ms: number) => new Date(ms).toISOString();
  if (input.answeredAt != null) {
    return { status: remainingMs >= 0 ? 'met' : 'missed', dueAt: null, remainingMs, targetMs };
  }
  if (paused) return { status: 'paused', dueAt: null, remainingMs, targetMs };
  const dueAt = iso(remainingMs >= 0 ? addCounted(urgency, now, remainingMs, tz) : pastDue(input, targetMs, tz));
  const status: SlaStatus =
    remainingMs < 0 ? 'breached' : remainingMs <= targetMs * DUE_SOON_SHARE ? 'due_soon' : 'on_track';
  return { status, dueAt, remainingMs, targetMs };
}

/** When a breached question fell due: the target counted from asking, pushed back by earlier pauses. */
function pastDue(input: SlaInput, targetMs: number, tz: string): number {
  let due = addCounted(input.urgency, input.askedAt, targetMs, tz);
  const pauses = [...(input.pauses ?? [])].sort((a, b) => a.from - b.from);
  for (const p of pauses) {
    if (p.from >= due || p.to == null) break;
    due = addCounted(input.urgency, due, countedMs(input.urgency, Math.max(p.from, input.askedAt), p.to, tz), tz);
  }
  return due;
}
