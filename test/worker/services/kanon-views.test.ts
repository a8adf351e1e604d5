import { describe, expect, it } from 'vitest';
import { Breakdown } from '../../../shared/hotspots';
import { ProgrammeHealth } from '../../../shared/programme';
import { api, rows, seedCatalog } from '../helpers';
import {
  anonymousFlag,
  clinicianIn,
  detail,
  flag,
  hourlyBatch,
  lead,
  list,
  screen,
  uniqueHost,
} from '../hotspots-helpers';

const K = 3; // the default setting

/**
 * One hotspot in a fresh unit with `named` distinct named reporters and `anonymous` anonymous
 * flags (which count together as one reporter).
 */
async function cell(named: number, anonymous = 0) {
  const { unitId } = await seedCatalog();
  const host = uniqueHost();
  // Letters only: a run of digits could read as a record number to the identifier check.
  const tag = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => String.fromCharCode(97 + (b % 26))).join('');
  let hotspotId = '';
  for (let i = 0; i < named; i++) {
    const s = await clinicianIn(unitId, `Named Reporter ${i}`);
    hotspotId = (await flag(s.token, { screen: screen(host), text: `named text ${tag} ${i}`, contactOk: i === 0 }))
      .hotspotId as string;
  }
  const someone = await clinicianIn(unitId);
  for (let i = 0; i < anonymous; i++) {
    await anonymousFlag(someone.token, { screen: screen(host), unitId, text: `anonymous text ${tag} ${i}` });
  }
  // Anonymous flags reach their hotspot in the hourly batch.
  await hourlyBatch();
  hotspotId = (await rows<{ id: string }>('SELECT id FROM hotspots WHERE host = ?1', host))[0]?.id ?? '';
  return { unitId, host, tag, hotspotId, reporters: named + (anonymous > 0 ? 1 : 0) };
}

async function csv(token: string, path: string): Promise<string> {
  const res = await api(path, { token });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  return res.text();
}

const cases: [string, number, number][] = [
  ['k-1 named', K - 1, 0],
  ['k named', K, 0],
  ['k+1 named', K + 1, 0],
  ['k-2 named and several anonymous', K - 2, 4],
  ['k-1 named and several anonymous', K - 1, 3],
  ['k named and one anonymous', K, 1],
  ['only anonymous flags', 0, 5],
];

describe('k-anonymity at k-1, k and k+1 named reporters in every breakdown and export', () => {
  for (const [what, named, anonymous] of cases) {
    it(`with ${what}`, async () => {
      // Organisation-wide pools hold earlier tests' flags too: this test's share is the change.
      const l = await lead();
      const pools = async () => {
        const b = Breakdown.parse(await (await api('/v1/hotspots/breakdown', { token: l.token })).json());
        const h = ProgrammeHealth.parse(await (await api('/v1/programme/health', { token: l.token })).json());
        const sum = (xs: { flags: number }[]) => xs.reduce((n, x) => n + x.flags, 0);
        return [b.otherUnits.flags, sum(b.otherByCategory), sum(b.otherByWeek), h.otherUnits.flags];
      };
      const before = await pools();
      const c = await cell(named, anonymous);
      // Only named reporters make k; anonymous flags add to the numbers.
      const shown = named >= K;
      const flags = named + anonymous;
      expect((await pools()).map((n, i) => n - (before[i] ?? 0))).toEqual([0, 0, 0, 0].map(() => (shown ? 0 : flags)));

      // Breakdowns per unit, unit × category, unit × week: the unit's cells, or the pool without it.
      const res = await api('/v1/hotspots/breakdown', { token: l.token });
      const b = Breakdown.parse(await res.json());
      const mine = [
        ...b.units.filter((u) => u.unitId === c.unitId),
        ...b.unitCategories.filter((u) => u.unitId === c.unitId),
        ...b.unitWeeks.filter((u) => u.unitId === c.unitId),
      ];
      expect(mine).toHaveLength(shown ? 3 : 0);
      for (const u of mine) expect(u.flags).toBe(flags);

      // The list filtered to the unit leaves the hotspot out below k; one held back is a count below k.
      const byUnit = await list(l.token, { unitId: c.unitId });
      expect(byUnit.hotspots.map((h) => h.id)).toEqual(shown ? [c.hotspotId] : []);
      expect(byUnit.suppressed).toBeNull();
      if (shown) expect(byUnit.hotspots[0]).toMatchObject({ flagCount: flags, reporterCount: named });

      // The drill-down: unit cell, texts only with k named reporters, anonymous rows without unit or time.
      const d = await detail(l.token, c.hotspotId);
      expect(d.reporterCount).toBe(c.reporters);
      expect(d.units.map((u) => u.unitId)).toEqual(shown ? [c.unitId] : []);
      expect(d.otherUnits.flags).toBe(shown ? 0 : flags);
      expect(d.itemsVisible).toBe(shown);
      expect(d.itemsHidden).toBe(shown ? 0 : flags);
      expect(d.items).toHaveLength(shown ? flags : 0);
      for (const item of d.items) {
        if (item.anonymous) expect(item).toMatchObject({ unitId: null, day: null, contactName: null });
        else expect(item.unitId).toBe(c.unitId);
      }
      const contact = d.items.filter((i) => i.contactName !== null);
      expect(contact.map((i) => i.contactName)).toEqual(shown ? ['Named Reporter 0'] : []);

      // Exports.
      const flagsCsv = await csv(l.token, '/v1/exports/flags.csv');
      expect(flagsCsv.includes(c.tag)).toBe(shown);
      if (shown) {
        for (const line of flagsCsv.split('\r\n').filter((x) => x.includes(`anonymous text ${c.tag}`))) {
          expect(line).not.toContain(c.unitId);
          expect(line).toMatch(/"yes"/);
        }
      }
      const hotspotsCsv = await csv(l.token, `/v1/exports/hotspots.csv?unitId=${c.unitId}`);
      expect(hotspotsCsv.includes(c.hotspotId)).toBe(shown);
      const programmeCsv = await csv(l.token, '/v1/exports/programme.csv');
      const unitLines = programmeCsv.split('\r\n').filter((x) => x.includes(c.unitId));
      if (shown) expect(unitLines.join('\n')).toContain(`"unit","${c.unitId}","flags","${flags}"`);
      else expect(unitLines).toEqual([]);
      const pooled = (before[3] ?? 0) + (shown ? 0 : flags);
      expect(programmeCsv).toContain(`"unit","other units (cells under ${K} people)","flags","${pooled}"`);

      const health = ProgrammeHealth.parse(await (await api('/v1/programme/health', { token: l.token })).json());
      expect(health.byUnit.filter((u) => u.unitId === c.unitId)).toEqual(
        shown ? [{ unitId: c.unitId, flags, responded: 0, changed: 0 }] : [],
      );
    });
  }

  it('several anonymous flags from one person never reach k', async () => {
    const c = await cell(0, 10);
    const l = await lead();
    const d = await detail(l.token, c.hotspotId);
    expect(d).toMatchObject({ flagCount: 10, reporterCount: 1, itemsVisible: false, itemsHidden: 10, items: [] });
  });

  it('neutralises spreadsheet formulas in exported text', async () => {
    const host = uniqueHost();
    for (let i = 0; i < K; i++) {
      const s = await clinicianIn(null);
      await flag(s.token, { screen: screen(host), text: `=HYPERLINK("x") ${i}` });
    }
    const text = await csv((await lead()).token, '/v1/exports/flags.csv');
    expect(text).toContain(`"'=HYPERLINK(""x"") 0"`);
    expect(text).not.toMatch(/(^|,)"=/m);
  });
});
