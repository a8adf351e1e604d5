import { describe, expect, it } from 'vitest';
import { countedMs, type SlaSettings, slaState } from '../../shared/sla';

const HOUR = 3_600_000;
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);

const NEW_YORK: SlaSettings = { timeZone: 'America/New_York', slaTodayHours: 4, slaThisWeekWorkingDays: 2 };
const LONDON: SlaSettings = { ...NEW_YORK, timeZone: 'Europe/London' };

describe('today: four clock hours, around the clock', () => {
  const askedAt = at('2026-03-07T10:00:00Z'); // a Saturday: weekends count for `today`

  it('is on track early, due soon in the last quarter, breached one millisecond after the target', () => {
    const state = (now: number) => slaState({ urgency: 'today', askedAt, now }, NEW_YORK);
    expect(state(askedAt + HOUR).status).toBe('on_track');
    expect(state(askedAt + 3 * HOUR - 1).status).toBe('on_track');
    expect(state(askedAt + 3 * HOUR).status).toBe('due_soon');
    expect(state(askedAt + 4 * HOUR)).toMatchObject({ status: 'due_soon', remainingMs: 0 });
    expect(state(askedAt + 4 * HOUR + 1)).toMatchObject({ status: 'breached', remainingMs: -1 });
    expect(state(askedAt + HOUR).dueAt).toBe('2026-03-07T14:00:00.000Z');
    expect(state(askedAt + 5 * HOUR).dueAt).toBe('2026-03-07T14:00:00.000Z');
  });

  it('is met when answered on the target and missed when answered after it', () => {
    const answered = (answeredAt: number) =>
      slaState({ urgency: 'today', askedAt, answeredAt, now: answeredAt + 10 * HOUR }, NEW_YORK);
    expect(answered(askedAt + 4 * HOUR)).toMatchObject({ status: 'met', dueAt: null });
    expect(answered(askedAt + 4 * HOUR + 1).status).toBe('missed');
  });

  it('pauses while waiting for the asker and resumes where it stopped', () => {
    const pauses = [{ from: askedAt + HOUR, to: askedAt + 3 * HOUR }];
    const waiting = slaState(
      { urgency: 'today', askedAt, pauses: [{ from: askedAt + HOUR }], now: askedAt + 10 * HOUR },
      NEW_YORK,
    );
    expect(waiting).toMatchObject({ status: 'paused', dueAt: null, remainingMs: 3 * HOUR });
    const resumed = slaState({ urgency: 'today', askedAt, pauses, now: askedAt + 3 * HOUR }, NEW_YORK);
    expect(resumed).toMatchObject({ status: 'on_track', remainingMs: 3 * HOUR, dueAt: '2026-03-07T16:00:00.000Z' });
    const late = slaState({ urgency: 'today', askedAt, pauses, now: askedAt + 7 * HOUR }, NEW_YORK);
    expect(late).toMatchObject({ status: 'breached', dueAt: '2026-03-07T16:00:00.000Z' });
  });

  it('follows the organisation’s target', () => {
    const s = slaState({ urgency: 'today', askedAt, now: askedAt }, { ...NEW_YORK, slaTodayHours: 1 });
    expect(s.targetMs).toBe(HOUR);
    expect(s.dueAt).toBe('2026-03-07T11:00:00.000Z');
  });
});

describe('this_week: two working days, Monday to Friday in the organisation’s time zone', () => {
  // Friday 6 March 2026, 15:00 in New York (EST, UTC-5). Clocks go forward on Sunday 8 March.
  const friday3pm = at('2026-03-06T20:00:00Z');

  it('skips the weekend and lands on Tuesday 15:00 local time across the DST change', () => {
    const s = slaState({ urgency: 'this_week', askedAt: friday3pm, now: friday3pm }, NEW_YORK);
    expect(s.dueAt).toBe('2026-03-10T19:00:00.000Z'); // 15:00 EDT
    expect(s.status).toBe('on_track');
  });

  it('does not count the weekend: Saturday and Sunday leave the remaining time unchanged', () => {
    const saturday = slaState({ urgency: 'this_week', askedAt: friday3pm, now: at('2026-03-07T17:00:00Z') }, NEW_YORK);
    const sunday = slaState({ urgency: 'this_week', askedAt: friday3pm, now: at('2026-03-09T03:00:00Z') }, NEW_YORK);
    expect(saturday.remainingMs).toBe(48 * HOUR - 9 * HOUR);
    expect(sunday.remainingMs).toBe(saturday.remainingMs);
  });

  it('starts on Monday for a question asked at the weekend', () => {
    const saturdayNoon = at('2026-03-14T16:00:00Z'); // 12:00 EDT
    const s = slaState({ urgency: 'this_week', askedAt: saturdayNoon, now: saturdayNoon }, NEW_YORK);
    expect(s.dueAt).toBe('2026-03-18T04:00:00.000Z'); // Wednesday 00:00 EDT
  });

  it('is breached one millisecond after the last counted minute, and reports when it fell due', () => {
    const due = at('2026-03-10T19:00:00Z');
    expect(slaState({ urgency: 'this_week', askedAt: friday3pm, now: due }, NEW_YORK).status).toBe('due_soon');
    const late = slaState({ urgency: 'this_week', askedAt: friday3pm, now: due + 1 }, NEW_YORK);
    expect(late.status).toBe('breached');
    const muchLater = slaState({ urgency: 'this_week', askedAt: friday3pm, now: at('2026-03-12T12:00:00Z') }, NEW_YORK);
    expect(muchLater.dueAt).toBe('2026-03-10T19:00:00.000Z');
  });

  it('depends on the time zone: Friday 23:00 in New York is already Saturday in London', () => {
    const instant = at('2026-03-07T04:00:00Z');
    const ny = slaState({ urgency: 'this_week', askedAt: instant, now: instant + HOUR }, NEW_YORK);
    const london = slaState({ urgency: 'this_week', askedAt: instant, now: instant + HOUR }, LONDON);
    expect(ny.remainingMs).toBe(47 * HOUR); // 23:00–24:00 Friday counted
    expect(london.remainingMs).toBe(48 * HOUR); // Saturday is not counted
    expect(london.dueAt).toBe('2026-03-11T00:00:00.000Z'); // Wednesday 00:00 GMT
  });

  it('pauses over a weekend without counting the weekend twice', () => {
    const pauses = [{ from: friday3pm + HOUR, to: at('2026-03-09T14:00:00Z') }]; // Fri 16:00 → Mon 10:00 EDT
    const s = slaState({ urgency: 'this_week', askedAt: friday3pm, pauses, now: at('2026-03-09T14:00:00Z') }, NEW_YORK);
    // Counted so far: Friday 15:00–16:00 only.
    expect(s.remainingMs).toBe(47 * HOUR);
  });
});

describe('countedMs', () => {
  it('counts a whole working week as five days', () => {
    const mondayNy = at('2026-02-23T05:00:00Z'); // a week with no DST change
    expect(countedMs('this_week', mondayNy, mondayNy + 7 * 24 * HOUR, 'America/New_York')).toBe(5 * 24 * HOUR);
  });

  it('counts nothing for an empty or reversed interval', () => {
    expect(countedMs('this_week', 10, 10, 'UTC')).toBe(0);
    expect(countedMs('today', 20, 10, 'UTC')).toBe(0);
  });

  it('counts minutes in the middle of a working day exactly', () => {
    const wednesdayNoonUtc = at('2026-03-04T12:00:00Z');
    expect(countedMs('this_week', wednesdayNoonUtc, wednesdayNoonUtc + 30 * MIN, 'UTC')).toBe(30 * MIN);
  });
});
