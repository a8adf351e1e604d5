import { afterEach, describe, expect, it } from 'vitest';
import { DAY, resetClock, setClock } from '../../../worker/lib/clock';
import { api, enroll, expectError, issuePaths, seedCatalog } from '../helpers';
import {
  anonymousFlag,
  clinicianIn,
  detail,
  flag,
  hourlyBatch,
  lead,
  list,
  rollupBatch,
  screen,
  uniqueHost,
} from '../hotspots-helpers';

afterEach(() => resetClock());

describe('grouping flags into hotspots', () => {
  it('groups by host, screen path and category, and keeps other categories and screens apart', async () => {
    const host = uniqueHost();
    const a = await enroll();
    const b = await enroll();
    const l = await lead();
    const f1 = await flag(a.token, { screen: screen(host) });
    const f2 = await flag(b.token, { screen: screen(host) });
    await flag(a.token, { screen: screen(host), category: 'orders_medications' });
    await flag(a.token, { screen: screen(host, '/orders') });
    expect(f1.hotspotId).toBeTruthy();
    expect(f2.hotspotId).toBe(f1.hotspotId);

    const { hotspots } = await list(l.token, { host });
    expect(hotspots).toHaveLength(3);
    const main = hotspots.find((h) => h.id === f1.hotspotId);
    expect(main).toMatchObject({
      screen: screen(host),
      category: 'documentation_ehr',
      flagCount: 2,
      reporterCount: 2,
      status: 'new',
      mergedInto: null,
    });
  });

  it('puts flags without a screen into one hotspot per category with no system', async () => {
    const s = await enroll();
    const f1 = await flag(s.token, { category: 'equipment_supplies', text: 'no screen one' });
    const f2 = await flag(s.token, { category: 'equipment_supplies', text: 'no screen two' });
    const f3 = await flag(s.token, { category: 'staffing_workload', text: 'no screen three' });
    expect(f1.hotspotId).toBe(f2.hotspotId);
    expect(f3.hotspotId).not.toBe(f1.hotspotId);
    const d = await detail((await lead()).token, f1.hotspotId ?? '');
    expect(d.screen).toBeNull();
  });

  it('counts one reporter for several flags from one named user', async () => {
    const host = uniqueHost();
    const s = await enroll();
    for (let i = 0; i < 3; i++) await flag(s.token, { screen: screen(host) });
    const [h] = (await list((await lead()).token, { host })).hotspots;
    expect(h).toMatchObject({ flagCount: 3, reporterCount: 1 });
  });

  it('counts every anonymous flag together as one reporter', async () => {
    const host = uniqueHost();
    const a = await enroll();
    const b = await enroll();
    await anonymousFlag(a.token, { screen: screen(host) });
    await anonymousFlag(b.token, { screen: screen(host) });
    await flag(a.token, { screen: screen(host) });
    await hourlyBatch();
    const [h] = (await list((await lead()).token, { host })).hotspots;
    expect(h).toMatchObject({ flagCount: 3, reporterCount: 2 });
  });

  it('does not count a retried flag twice', async () => {
    const host = uniqueHost();
    const s = await enroll();
    const body = {
      clientId: crypto.randomUUID(),
      text: 'Retry me',
      category: 'documentation_ehr',
      frequency: 'daily',
      minutesLost: 4,
      impact: 'delay',
      screen: screen(host),
    };
    const responses = await Promise.all([1, 2, 3].map(() => api('/v1/flags', { token: s.token, body })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    await rollupBatch();
    const [h] = (await list((await lead()).token, { host })).hotspots;
    expect(h).toMatchObject({ flagCount: 1, reporterCount: 1, minutesPerWeek: 20 });
  });
});

describe('cost arithmetic', () => {
  it('multiplies minutes lost by the frequency’s weekly multiplier, once counting once', async () => {
    const host = uniqueHost();
    const s = await enroll();
    await flag(s.token, { screen: screen(host), frequency: 'daily', minutesLost: 3, impact: 'none' }); // 15
    await flag(s.token, { screen: screen(host), frequency: 'every_shift', minutesLost: 2, impact: 'delay' }); // 20
    await flag(s.token, { screen: screen(host), frequency: 'every_patient', minutesLost: 1, impact: 'risk' }); // 50
    await flag(s.token, { screen: screen(host), frequency: 'once', minutesLost: 30, impact: 'delay' }); // 30
    const [h] = (await list((await lead()).token, { host })).hotspots;
    expect(h?.minutesPerWeek).toBe(115);
    expect(h?.impact).toEqual({ none: 1, delay: 2, risk: 1, harm: 0 });
  });

  it('uses the organisation’s multipliers', async () => {
    const admin = await enroll(['admin']);
    const res = await api('/v1/admin/settings', {
      method: 'PATCH',
      token: admin.token,
      body: { frequencyMultipliers: { daily: 7, every_shift: 10, every_patient: 50 } },
    });
    expect(res.status).toBe(200);
    try {
      const host = uniqueHost();
      const s = await enroll();
      await flag(s.token, { screen: screen(host), frequency: 'daily', minutesLost: 3 });
      const [h] = (await list((await lead()).token, { host })).hotspots;
      expect(h?.minutesPerWeek).toBe(21);
    } finally {
      await api('/v1/admin/settings', {
        method: 'PATCH',
        token: admin.token,
        body: { frequencyMultipliers: { daily: 5, every_shift: 10, every_patient: 50 } },
      });
    }
  });
});

describe('listing hotspots', () => {
  it('sorts by cost, count, newest and rising, harm first', async () => {
    const host = uniqueHost();
    const s = await enroll();
    const start = Date.UTC(2026, 2, 2, 12); // a Monday
    setClock(() => start);
    const old = await flag(s.token, { screen: screen(host, '/archive'), frequency: 'every_patient', minutesLost: 10 }); // 500
    setClock(() => start + 40 * DAY);
    const many = await flag(s.token, { screen: screen(host, '/census'), frequency: 'once', minutesLost: 1 });
    await flag(s.token, { screen: screen(host, '/census'), frequency: 'once', minutesLost: 1 });
    await flag(s.token, { screen: screen(host, '/census'), frequency: 'once', minutesLost: 1 });
    setClock(() => start + 41 * DAY);
    const harm = await flag(s.token, {
      screen: screen(host, '/safety'),
      frequency: 'once',
      minutesLost: 0,
      impact: 'harm',
    });
    const l = await lead();
    const ids = async (sort: string) => (await list(l.token, { host, sort } as never)).hotspots.map((h) => h.id);
    expect(await ids('cost')).toEqual([harm.hotspotId, old.hotspotId, many.hotspotId]);
    expect(await ids('count')).toEqual([harm.hotspotId, many.hotspotId, old.hotspotId]);
    expect(await ids('newest')).toEqual([harm.hotspotId, many.hotspotId, old.hotspotId]);
    expect(await ids('rising')).toEqual([harm.hotspotId, many.hotspotId, old.hotspotId]);
  });

  it('keeps a 12-week trend and restricts numbers to a date range', async () => {
    const host = uniqueHost();
    const s = await enroll();
    const monday = Date.UTC(2026, 0, 5, 9);
    setClock(() => monday);
    await flag(s.token, { screen: screen(host), frequency: 'once', minutesLost: 10 });
    setClock(() => monday + 14 * DAY);
    await flag(s.token, { screen: screen(host), frequency: 'once', minutesLost: 20 });
    await flag(s.token, { screen: screen(host), frequency: 'once', minutesLost: 20 });
    const l = await lead();
    const all = await list(l.token, { host });
    expect(all.hotspots[0]?.trend.slice(-3)).toEqual([1, 0, 2]);
    expect(all.weeks).toHaveLength(12);
    expect(all.weeks.at(-1)).toBe('2026-01-19T00:00:00.000Z');
    const ranged = await list(l.token, { host, from: '2026-01-19', to: '2026-01-25' });
    expect(ranged.hotspots[0]).toMatchObject({ flagCount: 2, minutesPerWeek: 40 });
    const early = await list(l.token, { host, from: '2026-01-05', to: '2026-01-11' });
    expect(early.hotspots[0]).toMatchObject({ flagCount: 1, minutesPerWeek: 10 });
    expect((await list(l.token, { host, from: '2025-01-01', to: '2025-02-01' })).hotspots).toEqual([]);
  });

  it('filters by category', async () => {
    const host = uniqueHost();
    const s = await enroll();
    await flag(s.token, { screen: screen(host), category: 'orders_medications' });
    await flag(s.token, { screen: screen(host) });
    const { hotspots } = await list((await lead()).token, { host, category: 'orders_medications' });
    expect(hotspots.map((h) => h.category)).toEqual(['orders_medications']);
  });

  it('refuses reversed ranges, unknown units, categories and systems with 400', async () => {
    const l = await lead();
    const cases: [string, string][] = [
      ['from=2026-02-01&to=2026-01-01', 'to'],
      ['from=2026-13-01', 'from'],
      ['unitId=no-such-unit', 'unitId'],
      ['category=gripes', 'category'],
      [`host=${uniqueHost()}`, 'host'],
      ['host=NOT A HOST', 'host'],
      ['sort=loudest', 'sort'],
      ['userId=abcdefgh', ''],
    ];
    for (const [query, path] of cases) {
      const body = await expectError(await api(`/v1/hotspots?${query}`, { token: l.token }), 400, 'validation_failed');
      if (path) expect(issuePaths(body), query).toContain(path);
    }
  });

  it('refuses clinicians and mentors on every lead endpoint, and lets admins in', async () => {
    const host = uniqueHost();
    const s = await enroll();
    const f = await flag(s.token, { screen: screen(host) });
    const id = f.hotspotId ?? '';
    const calls: [string, string, unknown?][] = [
      ['GET', '/v1/hotspots'],
      ['GET', '/v1/hotspots/breakdown'],
      ['GET', `/v1/hotspots/${id}`],
      ['PATCH', `/v1/hotspots/${id}`, { status: 'acknowledged' }],
      ['POST', `/v1/hotspots/${id}/merge`, { into: id }],
      ['POST', `/v1/hotspots/${id}/unmerge`],
      [
        'POST',
        `/v1/hotspots/${id}/cycles`,
        { clientId: crypto.randomUUID(), changeIdea: 'x', prediction: 'y', measure: 'z' },
      ],
      ['GET', '/v1/programme/health'],
      ['GET', '/v1/exports/hotspots.csv'],
      ['GET', '/v1/exports/flags.csv'],
      ['GET', '/v1/exports/programme.csv'],
    ];
    for (const role of ['clinician', 'mentor'] as const) {
      const who = await enroll([role]);
      for (const [method, path, body] of calls) {
        await expectError(await api(path, { method, token: who.token, body }), 403, 'forbidden');
      }
    }
    const admin = await enroll(['admin']);
    expect((await api(`/v1/hotspots/${id}`, { token: admin.token })).status).toBe(200);
  });

  it('answers 404 for an unknown hotspot', async () => {
    const l = await lead();
    await expectError(await api('/v1/hotspots/abcdefabcdef', { token: l.token }), 404, 'not_found');
  });
});

describe('units in a hotspot', () => {
  it('stores the unit of a named flag, and no unit for an anonymous one', async () => {
    const { unitId } = await seedCatalog();
    const host = uniqueHost();
    const s = await clinicianIn(unitId);
    const named = await flag(s.token, { screen: screen(host) });
    const anon = await anonymousFlag(s.token, { screen: screen(host) });
    expect(named.unitId).toBe(unitId);
    expect(anon.flag.unitId).toBeNull();
  });
});
