// Issue 13 §5: k-anonymity that survives differencing. Each case is an attack a lead can run with the
// public API; each reads the API's JSON loosely, so it tests the leak and not a response shape.
import { afterEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../../worker/lib/clock';
import { seedCatalog } from '../worker/helpers';
import { anonymousFlag, clinicianIn, flag, lead, screen, uniqueHost } from '../worker/hotspots-helpers';
import { at, dayOf, getJson, type Json, K, runCron, shownFlags, shownMinutes } from './kanon-helpers.worker';

afterEach(() => resetClock());

/** Every number of a response's unit cells that names a unit, and whether any names `unitId`. */
const unitCells = (cells: Json[] | undefined) => (cells ?? []).filter((c) => c && 'unitId' in c);

describe('a hidden unit cannot be computed as the total minus the units shown', () => {
  it('in the drill-down, the breakdown and programme health', async () => {
    setClock(() => at(0, 1));
    const { unitId: big } = await seedCatalog();
    const { unitId: victimUnit } = await seedCatalog();
    const host = uniqueHost();
    // k people of a big unit, one flag each; one person of a small unit, two flags.
    let hotspot = '';
    for (let i = 0; i < K; i++) {
      const s = await clinicianIn(big, `Big Unit ${i}`);
      hotspot = (await flag(s.token, { screen: screen(host), minutesLost: 3 + i, frequency: 'once' })).hotspotId ?? '';
    }
    const victim = await clinicianIn(victimUnit, 'Victim Person');
    await flag(victim.token, { screen: screen(host), minutesLost: 7, frequency: 'once' });
    await flag(victim.token, { screen: screen(host), minutesLost: 11, frequency: 'once' });
    const victimFlags = 2;
    const victimMinutes = 18;
    setClock(() => at(2, 1));
    const l = await lead();

    const d = await getJson(l.token, `/v1/hotspots/${hotspot}`);
    expect(JSON.stringify(d)).not.toContain(victimUnit);
    const shown = unitCells(d.units);
    expect(d.flagCount - shown.reduce((a: number, c: Json) => a + shownFlags(c), 0)).not.toBe(victimFlags);
    expect(d.minutesPerWeek - shown.reduce((a: number, c: Json) => a + shownMinutes(c), 0)).not.toBe(victimMinutes);

    // Organisation totals (the list, no unit filter) minus every unit the breakdown shows.
    const all = await getJson(l.token, '/v1/hotspots');
    const orgFlags = all.hotspots.reduce((a: number, h: Json) => a + h.flagCount, 0);
    const b = await getJson(l.token, '/v1/hotspots/breakdown');
    expect(JSON.stringify(b)).not.toContain(victimUnit);
    const named = unitCells(b.units).filter((c: Json) => c.unitId !== null);
    expect(orgFlags - named.reduce((a: number, c: Json) => a + shownFlags(c), 0)).not.toBe(victimFlags);

    const health = await getJson(l.token, '/v1/programme/health');
    expect(JSON.stringify(health)).not.toContain(victimUnit);
    const byUnit = unitCells(health.byUnit).filter((c: Json) => c.unitId !== null);
    expect(health.loop.flags - byUnit.reduce((a: number, c: Json) => a + shownFlags(c), 0)).not.toBe(victimFlags);
    const csv = await getJson(l.token, '/v1/exports/programme.csv');
    expect(csv).not.toContain(victimUnit);
  });
});

describe('two overlapping date windows cannot isolate a week', () => {
  it('in the breakdown, the unit-filtered list and programme health', async () => {
    const { unitId } = await seedCatalog();
    const host = uniqueHost();
    // Week 0: k people of the unit; week 1: one more person of the same unit, alone that week.
    setClock(() => at(0, 1));
    let hotspot = '';
    for (let i = 0; i < K; i++) {
      const s = await clinicianIn(unitId, `Week Zero ${i}`);
      hotspot = (await flag(s.token, { screen: screen(host), minutesLost: 4, frequency: 'once' })).hotspotId ?? '';
    }
    setClock(() => at(1, 3));
    const late = await clinicianIn(unitId, 'Alone In Week One');
    await flag(late.token, { screen: screen(host), minutesLost: 9, frequency: 'once' });
    setClock(() => at(3, 1));
    const l = await lead();

    // Free dates in the middle of weeks: the wide window ends in week 1, the narrow one in week 0.
    const wide = `from=${dayOf(0, 2)}&to=${dayOf(1, 5)}`;
    const narrow = `from=${dayOf(0, 2)}&to=${dayOf(0, 5)}`;
    const unitFlags = (b: Json) => shownFlags(unitCells(b.units).find((c: Json) => c.unitId === unitId));
    const unitMinutes = (b: Json) => shownMinutes(unitCells(b.units).find((c: Json) => c.unitId === unitId));
    const [bw, bn] = [
      await getJson(l.token, `/v1/hotspots/breakdown?${wide}`),
      await getJson(l.token, `/v1/hotspots/breakdown?${narrow}`),
    ];
    expect(unitFlags(bw) - unitFlags(bn)).not.toBe(1);
    expect(unitMinutes(bw) - unitMinutes(bn)).not.toBe(9);
    // The week itself is held back without its unit.
    const week1 = unitCells(bw.unitWeeks).filter((c: Json) => c.week?.startsWith(dayOf(1, 0)));
    for (const c of week1) expect(c.unitId === unitId && typeof c.flags === 'number').toBe(false);
    for (const c of unitCells(bw.unitWeeks)) if (c.unitId === unitId) expect(shownFlags(c)).not.toBe(1);

    const share = async (q: string) =>
      (await getJson(l.token, `/v1/hotspots?unitId=${unitId}&${q}`)).hotspots.find((h: Json) => h.id === hotspot);
    const [lw, ln] = [await share(wide), await share(narrow)];
    expect((lw?.flagCount ?? 0) - (ln?.flagCount ?? 0)).not.toBe(1);

    const health = async (q: string) =>
      shownFlags(
        unitCells((await getJson(l.token, `/v1/programme/health?${q}`)).byUnit).find((c: Json) => c.unitId === unitId),
      );
    expect((await health(wide)) - (await health(narrow))).not.toBe(1);
  });
});

describe('anonymous flags never make k', () => {
  it('k−1 named people, one of whom also flags anonymously, stay below k everywhere', async () => {
    setClock(() => at(0, 1));
    const { unitId } = await seedCatalog();
    const host = uniqueHost();
    const people = [];
    let hotspot = '';
    for (let i = 0; i < K - 1; i++) {
      const s = await clinicianIn(unitId, `Named Only ${i}`);
      people.push(s);
      hotspot = (await flag(s.token, { screen: screen(host) })).hotspotId ?? '';
    }
    // The same person again, anonymously, choosing the unit.
    await anonymousFlag(people[0]?.token ?? '', { screen: screen(host), unitId });
    await anonymousFlag(people[0]?.token ?? '', { screen: screen(host), unitId });
    await runCron(at(0, 1, 11));
    setClock(() => at(2, 1));
    const l = await lead();

    const shownFor = (cells: Json[] | undefined) =>
      unitCells(cells).filter((c: Json) => c.unitId === unitId && typeof c.flags === 'number');
    const b = await getJson(l.token, '/v1/hotspots/breakdown');
    expect([...shownFor(b.units), ...shownFor(b.unitCategories), ...shownFor(b.unitWeeks)]).toEqual([]);
    const d = await getJson(l.token, `/v1/hotspots/${hotspot}`);
    expect(shownFor(d.units)).toEqual([]);
    expect(d.items ?? []).toEqual([]);
    const byUnit = await getJson(l.token, `/v1/hotspots?unitId=${unitId}`);
    expect(byUnit.hotspots.map((h: Json) => h.id)).not.toContain(hotspot);
    const health = await getJson(l.token, '/v1/programme/health');
    expect(shownFor(health.byUnit)).toEqual([]);
  });
});
