import { describe, expect, it } from 'vitest';
import { Breakdown } from '../../shared/hotspots';
import { ProgrammeHealth } from '../../shared/programme';
import { api, seedCatalog } from './helpers';
import { anonymousFlag, clinicianIn, detail, flag, lead, list, screen, uniqueHost } from './hotspots-helpers';

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
    hotspotId = (
      await anonymousFlag(someone.token, { screen: screen(host), unitId, text: `anonymous text ${tag} ${i}` })
    ).flag.hotspotId as string;
  }
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
  ['k-2 named and several anonymous (k-1 reporters)', K - 2, 4],
  ['k-1 named and several anonymous (k reporters)', K - 1, 3],
  ['k named and one anonymous (k+1 reporters)', K, 1],
  ['only anonymous flags (one reporter)', 0, 5],
];

describe('k-anonymity at k-1, k and k+1 in every breakdown and export', () => {
  for (const [what, named, anonymous] of cases) {
    it(`with ${what}`, async () => {
      const c = await cell(named, anonymous);
      const shown = c.reporters >= K;
      const l = await lead();
      const flags = named + anonymous;

      // Breakdowns per unit, unit × category, unit × week.
      const res = await api('/v1/hotspots/breakdown', { token: l.token });
      const b = Breakdown.parse(await res.json());
      const mine = [
        ...b.units.filter((u) => u.unitId === c.unitId),
        ...b.unitCategories.filter((u) => u.unitId === c.unitId),
        ...b.unitWeeks.filter((u) => u.unitId === c.unitId),
      ];
      expect(mine.length).toBeGreaterThanOrEqual(3);
      for (const u of mine) {
        expect(u).toMatchObject(
          shown
            ? { suppressed: false, flags, reporters: c.reporters }
            : { suppressed: true, flags: null, reporters: null, minutesPerWeek: null },
        );
      }

      // The list filtered to the unit leaves the hotspot out below k, and says so.
      const byUnit = await list(l.token, { unitId: c.unitId });
      expect(byUnit.hotspots.map((h) => h.id)).toEqual(shown ? [c.hotspotId] : []);
      expect(byUnit.suppressed).toBe(shown ? 0 : 1);
      if (shown) expect(byUnit.hotspots[0]).toMatchObject({ flagCount: flags, reporterCount: c.reporters });

      // The drill-down: unit cell, texts only with k reporters, anonymous rows without unit or time.
      const d = await detail(l.token, c.hotspotId);
      expect(d.reporterCount).toBe(c.reporters);
      const unit = d.units.find((u) => u.unitId === c.unitId);
      expect(unit?.suppressed).toBe(!shown);
      expect(d.itemsVisible).toBe(shown);
      expect(d.items).toHaveLength(shown ? flags : 0);
      for (const item of d.items) {
        if (item.anonymous) expect(item).toMatchObject({ unitId: null, day: null, contactName: null });
        else expect(item.unitId).toBe(shown ? c.unitId : null);
      }
      const contact = d.items.filter((i) => i.contactName !== null);
      expect(contact.map((i) => i.contactName)).toEqual(shown && named > 0 ? ['Named Reporter 0'] : []);

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
      expect(unitLines.length).toBeGreaterThan(0);
      if (shown) expect(unitLines.join('\n')).toContain(`"flags","${flags}"`);
      else expect(unitLines).toEqual([`"unit","${c.unitId}","flags","fewer than ${K}"`]);

      const health = ProgrammeHealth.parse(await (await api('/v1/programme/health', { token: l.token })).json());
      expect(health.byUnit.find((u) => u.unitId === c.unitId)).toMatchObject(
        shown ? { suppressed: false, flags } : { suppressed: true, flags: null, responded: null, changed: null },
      );
    });
  }

  it('several anonymous flags from one person never reach k', async () => {
    const c = await cell(0, 10);
    const l = await lead();
    const d = await detail(l.token, c.hotspotId);
    expect(d).toMatchObject({ flagCount: 10, reporterCount: 1, itemsVisible: false, items: [] });
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
