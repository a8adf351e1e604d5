import { describe, expect, it } from 'vitest';
import { lastWeeks, minutesPerWeek, risingScore, WEEK_MS, weekOf, weekStart } from '../../shared/cost';
import { allowedFrom, HotspotListQuery, HotspotPatch, STATUS_NEXT } from '../../shared/hotspots';
import { ANONYMOUS_REPORTER, type BaseCell, cellKey, reporterKey, splitCells } from '../../shared/kanon';
import { PdsaAdvance } from '../../shared/pdsa';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { similarity, tokens } from '../../shared/similarity';

const m = DEFAULT_SETTINGS.frequencyMultipliers;

describe('minutes per week', () => {
  it('multiplies by the frequency’s weekly multiplier', () => {
    expect(minutesPerWeek(3, 'daily', m)).toBe(15);
    expect(minutesPerWeek(3, 'every_shift', m)).toBe(30);
    expect(minutesPerWeek(3, 'every_patient', m)).toBe(150);
  });
  it('counts once once', () => expect(minutesPerWeek(45, 'once', m)).toBe(45));
  it('uses the organisation’s multipliers and rounds to whole minutes', () => {
    expect(minutesPerWeek(3, 'daily', { ...m, daily: 2.5 })).toBe(8);
    expect(minutesPerWeek(0, 'every_patient', m)).toBe(0);
  });
});

describe('weeks', () => {
  it('start on Monday 00:00 UTC', () => {
    const monday = Date.UTC(2026, 0, 5);
    expect(weekOf(monday)).toBe(weekOf(monday + WEEK_MS - 1));
    expect(weekOf(monday - 1)).toBe(weekOf(monday) - 1);
    expect(weekStart(weekOf(monday + 3 * 86_400_000))).toBe(monday);
  });
  it('lists the last n weeks oldest first', () => {
    const w = weekOf(Date.UTC(2026, 0, 5));
    expect(lastWeeks(Date.UTC(2026, 0, 7), 3)).toEqual([w - 2, w - 1, w]);
  });
  it('scores rising as the last four weeks minus the four before', () => {
    const counts = new Map([
      [10, 5],
      [9, 1],
      [5, 2],
      [2, 9],
    ]);
    expect(risingScore(counts, 10)).toBe(6 - 2);
  });
});

describe('k-anonymity', () => {
  const cell = (unitKey: string, named: number, flags = named, viewerIn = false, week = 1): BaseCell => ({
    hotspotId: 'h1',
    week,
    unitKey,
    named,
    viewerIn,
    flags,
    minutes: flags * 10,
  });
  const shownUnits = (cells: BaseCell[], k = 3) => splitCells(cells, k).shown.map((c) => c.unitKey);

  it('keys anonymous flags apart from every named reporter', () => {
    expect(reporterKey(null)).toBe(ANONYMOUS_REPORTER);
    expect(reporterKey('u1')).toBe('u:u1');
  });
  it('counts named reporters other than the viewer, never anonymous flags', () => {
    expect(shownUnits([cell('a', 2, 9)])).toEqual([]);
    expect(shownUnits([cell('a', 3)])).toEqual(['a']);
    expect(shownUnits([cell('a', 3, 3, true)])).toEqual([]);
    expect(shownUnits([cell('a', 4, 4, true)])).toEqual(['a']);
  });
  it('holds back the smallest shown cell when a column would hold back one cell alone', () => {
    expect(shownUnits([cell('big', 5), cell('small', 1)])).toEqual([]);
    expect(shownUnits([cell('big', 5), cell('mid', 4), cell('small', 1)])).toEqual(['big']);
  });
  it('needs two cells with k named people between them in what it holds back', () => {
    // Two small cells with only two people: a third cell goes with them.
    expect(shownUnits([cell('big', 5), cell('mid', 4), cell('s1', 1), cell('s2', 1)])).toEqual(['big']);
    expect(shownUnits([cell('big', 5), cell('s1', 2), cell('s2', 1)])).toEqual(['big']);
    // Anonymous-only and viewer-only cells never count as a second person.
    expect(shownUnits([cell('big', 5), cell('anon', 0, 4), cell('s1', 2)])).toEqual([]);
    expect(shownUnits([cell('big', 5), cell('me', 1, 1, true), cell('s1', 2)])).toEqual([]);
  });
  it('decides each screen-week column on its own', () => {
    const cells = [cell('a', 3, 3, false, 1), cell('a', 1, 1, false, 2), cell('b', 3, 3, false, 2)];
    expect(splitCells(cells, 3).shown.map(cellKey)).toEqual(['h1|1|a']);
  });
});

describe('status workflow', () => {
  it('allows one step at a time, won’t fix after acknowledging, and nothing back to new', () => {
    expect(allowedFrom('acknowledged')).toEqual(['new']);
    expect(allowedFrom('in_progress')).toEqual(['acknowledged']);
    expect(allowedFrom('resolved')).toEqual(['in_progress']);
    expect(allowedFrom('wont_fix')).toEqual(['acknowledged', 'in_progress']);
    expect(allowedFrom('new')).toEqual([]);
    expect(STATUS_NEXT.resolved).toEqual([]);
  });
  it('needs something to change', () => {
    expect(HotspotPatch.safeParse({}).success).toBe(false);
    expect(HotspotPatch.safeParse({ response: null }).success).toBe(true);
  });
});

describe('queries and PDSA bodies', () => {
  it('refuses a reversed date range', () => {
    expect(HotspotListQuery.safeParse({ from: '2026-02-01', to: '2026-01-01' }).success).toBe(false);
    expect(HotspotListQuery.safeParse({ from: '2026-01-01', to: '2026-01-01' }).success).toBe(true);
  });
  it('asks act for a decision and study for notes', () => {
    expect(PdsaAdvance.safeParse({ stage: 'act' }).success).toBe(false);
    expect(PdsaAdvance.safeParse({ stage: 'do', decision: 'adopt' }).success).toBe(false);
    expect(PdsaAdvance.safeParse({ stage: 'study' }).success).toBe(false);
    expect(PdsaAdvance.safeParse({ stage: 'act', decision: 'adapt' }).success).toBe(true);
  });
});

describe('similarity', () => {
  it('matches word stems and ignores stop words and numbers', () => {
    const a = tokens('The medication reconciliation screen timed out');
    const b = tokens('medication reconciliation times out again');
    expect(similarity(a, b)).toBeGreaterThan(0.5);
    expect(similarity(tokens('printer jams'), b)).toBe(0);
    expect(tokens('the and 12345 ab')).toEqual(new Set());
  });
});
