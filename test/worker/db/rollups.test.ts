import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/auth';
import { minutesPerWeek, weekOf, weekStart } from '../../../shared/cost';
import type { Frequency } from '../../../shared/enums';
import { reporterKey } from '../../../shared/kanon';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { DAY, resetClock, setClock } from '../../../worker/lib/clock';
import { api, enroll, flagBody, randomSecret, rows, seedCatalog } from '../helpers';
import { clinicianIn, hourlyBatch, lead, list, uniqueHost } from '../hotspots-helpers';

afterEach(() => resetClock());

/** A small seeded generator, so a failure names a seed that reproduces it. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
  };
}

interface RawFlag {
  id: string;
  user_id: string | null;
  unit_id: string | null;
  host: string;
  path: string;
  category: string;
  frequency: Frequency;
  minutes_lost: number;
  impact: string;
  created_at: number;
  withdrawn: string | null;
  hotspot_id: string | null;
  minutes_week: number | null;
  counted: number;
}

/** What the run did to each hotspot's state: programme health's "responded" and "changed" follow it. */
interface LoopModel {
  responded: Set<string>;
  status: Map<string, string>;
  /** Hotspots holding a PDSA cycle that adopted or adapted its idea. */
  adopted: Set<string>;
}

interface HotspotRow {
  id: string;
  key: string;
  merged_into: string | null;
  root_id: string;
  flag_count: number;
  reporter_count: number;
  minutes_week: number;
  impact_none: number;
  impact_delay: number;
  impact_risk: number;
  impact_harm: number;
}

const sortRows = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

/**
 * A flag counted by a batch (migration 0024): it names its hotspot and its epoch has passed. A named flag
 * may name its hotspot from its insert, and still wait for its epoch's batch.
 */
const COUNTED = '(hotspot_id IS NOT NULL AND epoch < (SELECT epoch FROM rollup_epoch WHERE id = 1))';

/** Unit cells as packed in their column (hotspot_weeks.units, migration 0023), one row per unit entry. */
const PACKED_CELLS = `w.week, w.hotspot_id, u.value ->> 0 AS unit_key, u.value ->> 1 AS named, u.value ->> 2 AS flag_count,
  u.value ->> 3 AS minutes_week FROM hotspot_weeks w, json_each(w.units) u`;

/** Every rollup of this host's hotspots must equal a GROUP BY over the raw flags counted so far. */
async function expectRollupsMatchRawFlags(host: string, model: Map<string, string | null>) {
  const hotspots = await rows<HotspotRow>(
    `SELECT id, key, merged_into, root_id, flag_count, reporter_count, minutes_week, impact_none, impact_delay,
       impact_risk, impact_harm FROM hotspots WHERE host = ?1`,
    host,
  );
  const raw = await rows<RawFlag>(
    `SELECT f.id, f.user_id, f.unit_id, f.host, f.path, f.category, f.frequency, f.minutes_lost, f.impact, f.created_at,
       f.withdrawn, f.hotspot_id, f.minutes_week, ${COUNTED} AS counted
     FROM flags f WHERE f.host = ?1`,
    host,
  );
  const byKey = new Map(hotspots.map((h) => [h.key, h]));
  const rootOf = (id: string): string => {
    const parent = model.get(id) ?? null;
    return parent === null ? id : rootOf(parent);
  };
  // Merge structure: the model's merges, and every root the chain of merges leads to.
  for (const h of hotspots) {
    expect(h.merged_into, `merged_into of ${h.id}`).toBe(model.get(h.id) ?? null);
    expect(h.root_id, `root of ${h.id}`).toBe(rootOf(h.id));
  }

  const totals = new Map<
    string,
    { flags: number; minutes: number; reporters: Set<string>; impact: Record<string, number> }
  >();
  const weeks = new Map<string, number[]>();
  const reporters = new Map<string, number>();
  const units = new Map<string, number[]>();
  const cells = new Map<string, { named: Set<string>; flags: number; minutes: number }>();
  for (const f of raw) {
    const leaf = byKey.get(`${f.host}|${f.path}|${f.category}`);
    // A hotspot a flag names is always its key's, counted or not (named flags name it from their insert).
    if (f.hotspot_id !== null) expect(f.hotspot_id, `flag ${f.id} names its key's hotspot`).toBe(leaf?.id);
    // Waiting for the batch (withdrawn or not): counted nowhere.
    if (f.counted !== 1) continue;
    expect(leaf, `flag ${f.id} has a hotspot`).toBeDefined();
    expect(f.hotspot_id, `flag ${f.id} names its hotspot`).toBe(leaf?.id);
    if (!leaf || f.withdrawn !== null) continue;
    const minutes = minutesPerWeek(f.minutes_lost, f.frequency, DEFAULT_SETTINGS.frequencyMultipliers);
    expect(f.minutes_week, `minutes per week of flag ${f.id}`).toBe(minutes);
    const week = weekOf(f.created_at);
    const who = reporterKey(f.user_id);
    const root = rootOf(leaf.id);
    const t = totals.get(root) ?? {
      flags: 0,
      minutes: 0,
      reporters: new Set(),
      impact: { none: 0, delay: 0, risk: 0, harm: 0 },
    };
    t.flags += 1;
    t.minutes += minutes;
    t.reporters.add(who);
    t.impact[f.impact] = (t.impact[f.impact] ?? 0) + 1;
    totals.set(root, t);
    const wk = `${leaf.id}|${week}`;
    const w = weeks.get(wk) ?? [0, 0, 0, 0, 0, 0];
    w[0] = (w[0] ?? 0) + 1;
    w[1] = (w[1] ?? 0) + minutes;
    const slot = 2 + ['none', 'delay', 'risk', 'harm'].indexOf(f.impact);
    w[slot] = (w[slot] ?? 0) + 1;
    weeks.set(wk, w);
    const rk = `${leaf.id}|${who}`;
    reporters.set(rk, (reporters.get(rk) ?? 0) + 1);
    const uk = `${leaf.id}|${f.unit_id ?? ''}|${week}|${who}`;
    const u = units.get(uk) ?? [0, 0];
    u[0] = (u[0] ?? 0) + 1;
    u[1] = (u[1] ?? 0) + minutes;
    units.set(uk, u);
    // The unit cell: one screen (the flag's own hotspot), one week, one unit; named people only.
    const ck = `${week}|${leaf.id}|${f.unit_id ?? ''}`;
    const c = cells.get(ck) ?? { named: new Set(), flags: 0, minutes: 0 };
    if (f.user_id !== null) c.named.add(f.user_id);
    c.flags += 1;
    c.minutes += minutes;
    cells.set(ck, c);
  }

  for (const h of hotspots) {
    const t = totals.get(h.id);
    expect(
      {
        flags: h.flag_count,
        reporters: h.reporter_count,
        minutes: h.minutes_week,
        impact: { none: h.impact_none, delay: h.impact_delay, risk: h.impact_risk, harm: h.impact_harm },
      },
      `totals of ${h.id}`,
    ).toEqual({
      flags: t?.flags ?? 0,
      reporters: t?.reporters.size ?? 0,
      minutes: t?.minutes ?? 0,
      impact: t?.impact ?? { none: 0, delay: 0, risk: 0, harm: 0 },
    });
  }
  const ids = JSON.stringify(hotspots.map((h) => h.id));
  const actualWeeks = await rows<Record<string, number | string>>(
    `SELECT hotspot_id, week, flag_count, minutes_week, impact_none, impact_delay, impact_risk, impact_harm
     FROM hotspot_weeks WHERE hotspot_id IN (SELECT value FROM json_each(?1))`,
    ids,
  );
  expect(
    sortRows(
      actualWeeks.map((r) => [
        `${r.hotspot_id}|${r.week}`,
        r.flag_count,
        r.minutes_week,
        r.impact_none,
        r.impact_delay,
        r.impact_risk,
        r.impact_harm,
      ]),
    ),
  ).toEqual(sortRows([...weeks].map(([k, w]) => [k, ...w])));
  // Who reported where (migration 0025: membership, one row per reporter per cell, no counts).
  const actualReporters = await rows<Record<string, number | string>>(
    `SELECT DISTINCT hotspot_id, reporter_key FROM unit_reporters
     WHERE hotspot_id IN (SELECT value FROM json_each(?1))`,
    ids,
  );
  expect(sortRows(actualReporters.map((r) => `${r.hotspot_id}|${r.reporter_key}`))).toEqual(
    sortRows([...reporters.keys()]),
  );
  const actualUnits = await rows<Record<string, number | string>>(
    `SELECT hotspot_id, unit_key, week, reporter_key FROM unit_reporters
     WHERE hotspot_id IN (SELECT value FROM json_each(?1))`,
    ids,
  );
  expect(sortRows(actualUnits.map((r) => `${r.hotspot_id}|${r.unit_key}|${r.week}|${r.reporter_key}`))).toEqual(
    sortRows([...units.keys()]),
  );
  const actualCells = await rows<Record<string, number | string>>(
    `SELECT ${PACKED_CELLS} WHERE w.hotspot_id IN (SELECT value FROM json_each(?1))`,
    ids,
  );
  expect(
    sortRows(
      actualCells.map((r) => [`${r.week}|${r.hotspot_id}|${r.unit_key}`, r.named, r.flag_count, r.minutes_week]),
    ),
  ).toEqual(sortRows([...cells].map(([k, c]) => [k, c.named.size, c.flags, c.minutes])));
  // Everywhere (other runs' hotspots too), equal to a GROUP BY over every counted flag.
  const recomputed = await rows<Record<string, number | string>>(
    `SELECT (created_at - ${4 * 86_400_000}) / ${7 * 86_400_000} AS week, hotspot_id, COALESCE(unit_id, '') AS unit_key,
       COUNT(DISTINCT user_id) AS named, COUNT(*) AS flag_count, SUM(minutes_week) AS minutes_week
     FROM flags WHERE withdrawn IS NULL AND ${COUNTED} GROUP BY 1, 2, 3`,
  );
  const stored = await rows<Record<string, number | string>>(`SELECT ${PACKED_CELLS}`);
  const all = (xs: Record<string, number | string>[]) =>
    sortRows(xs.map((r) => [r.week, r.hotspot_id, r.unit_key, r.named, r.flag_count, r.minutes_week]));
  expect(all(stored)).toEqual(all(recomputed));
  // Anonymous flags keep epoch 0 (migration 0024): a withdrawal looks for the others of a cell by it.
  expect(await rows('SELECT id FROM flags WHERE anonymous = 1 AND epoch <> 0')).toEqual([]);
  // And every reporter's membership, everywhere: one row per distinct (cell, reporter) of the counted flags.
  const members = await rows<Record<string, number | string>>(
    `SELECT DISTINCT hotspot_id, COALESCE(unit_id, '') AS unit_key, (created_at - ${4 * 86_400_000}) / ${7 * 86_400_000} AS week,
       CASE WHEN user_id IS NULL THEN 'anon' ELSE 'u:' || user_id END AS reporter_key
     FROM flags WHERE withdrawn IS NULL AND ${COUNTED}`,
  );
  const storedMembers = await rows<Record<string, number | string>>(
    'SELECT hotspot_id, unit_key, week, reporter_key FROM unit_reporters',
  );
  const keyed = (xs: Record<string, number | string>[]) =>
    sortRows(xs.map((r) => [r.hotspot_id, r.unit_key, r.week, r.reporter_key]));
  expect(keyed(storedMembers)).toEqual(keyed(members));
  return totals;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** Programme health's loop shares, read at request time from each flag's root, equal the run's model. */
async function expectLoopMatchesModel(
  token: string,
  host: string,
  rootOf: (id: string) => string,
  loop: LoopModel,
  base: number,
) {
  const counted = await rows<{ hotspot_id: string }>(
    `SELECT hotspot_id FROM flags WHERE host = ?1 AND withdrawn IS NULL AND ${COUNTED}`,
    host,
  );
  const changed = (root: string) =>
    loop.status.get(root) === 'resolved' || [...loop.adopted].some((id) => rootOf(id) === root);
  const responded = counted.filter((f) => loop.responded.has(rootOf(f.hotspot_id))).length;
  const changedFlags = counted.filter((f) => changed(rootOf(f.hotspot_id))).length;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const res = await api(`/v1/programme/health?from=${day(base - 7 * DAY)}&to=${day(base + 80 * DAY)}`, { token });
  const health = (await res.json()) as { loop: { flags: number; responded: number | null; changed: number | null } };
  expect(health.loop).toEqual({
    flags: counted.length,
    responded: share(responded, counted.length),
    changed: share(changedFlags, counted.length),
  });
}

interface Sent {
  id: string;
  token: string;
  anonymous: boolean;
  secret?: string;
  body: Record<string, unknown>;
  /** When it was sent (the clock). */
  at: number;
}

/** One run; `base` keeps each run's weeks apart (the file's tests share one database). */
async function run(seed: number, steps: number, base: number) {
  const r = rng(seed);
  const host = uniqueHost();
  const paths = ['/medrec/:id', '/orders', '/notes/:id/edit'];
  const categories = ['documentation_ehr', 'orders_medications'] as const;
  const frequencies = ['once', 'daily', 'every_shift', 'every_patient'] as const;
  const impacts = ['none', 'delay', 'risk', 'harm'] as const;
  const { unitId: u1 } = await seedCatalog();
  const { unitId: u2 } = await seedCatalog();
  const people: Session[] = [
    await clinicianIn(u1),
    await clinicianIn(u1),
    await clinicianIn(u2),
    await enroll(['mentor']),
  ];
  const l = await lead();
  const sent: Sent[] = [];
  const withdrawn = new Set<string>();
  const done = {
    merges: 0,
    undos: 0,
    responses: 0,
    resolved: 0,
    adopted: 0,
    batched: 0,
    withdrawnWaiting: 0,
    twins: 0,
    withdrawnTwin: 0,
  };
  /** Hotspots the batches made join the ones merges pick from. */
  const learnHotspots = async () => {
    for (const { id } of await rows<{ id: string }>('SELECT id FROM hotspots WHERE host = ?1', host)) {
      hotspotIds.add(id);
      if (!model.has(id)) model.set(id, null);
    }
  };
  const loop: LoopModel = { responded: new Set(), status: new Map(), adopted: new Set() };
  const NEXT: Record<string, string> = { new: 'acknowledged', acknowledged: 'in_progress', in_progress: 'resolved' };
  const model = new Map<string, string | null>();
  const hotspotIds = new Set<string>();
  const modelRoot = (id: string): string => {
    const p = model.get(id) ?? null;
    return p === null ? id : modelRoot(p);
  };

  for (let step = 0; step < steps; step++) {
    const op = r.next();
    const label = `seed ${seed} step ${step}`;
    if (op < 0.36 || sent.length < 3) {
      // A third of the time, another flag in an earlier flag's cell: the same sender (or anonymous
      // again), screen, category and unit in the same week, so withdrawals meet cells a reporter
      // still has other flags in.
      const twin = sent.length > 0 && r.next() < 0.35 ? r.pick(sent) : null;
      const at = twin ? weekStart(weekOf(twin.at)) + r.int(7 * DAY) : base + r.int(70) * DAY + r.int(DAY);
      setClock(() => at);
      const who = twin ? { token: twin.token } : r.pick(people);
      const anonymous = twin ? twin.anonymous : r.next() < 0.3;
      const body = flagBody({
        screen: twin ? twin.body.screen : { host, path: r.pick(paths) },
        category: twin ? twin.body.category : r.pick(categories),
        frequency: r.pick(frequencies),
        minutesLost: r.int(30),
        impact: r.pick(impacts),
        ...(anonymous
          ? { anonymous: true, receiptSecret: randomSecret() }
          : twin
            ? twin.body.unitId === undefined
              ? {}
              : { unitId: twin.body.unitId }
            : r.next() < 0.3
              ? { unitId: r.pick([u1, u2]) }
              : {}),
      }) as unknown as Record<string, unknown>;
      const res = await api('/v1/flags', { token: who.token, body });
      const json = (await res.json()) as { id: string; hotspotId: string | null };
      expect(res.status, label).toBe(201);
      // An anonymous flag's answer names no hotspot; a named one's names the hotspot its key joins, if
      // a batch has made it (the row itself waits for the batch either way).
      if (anonymous) expect(json.hotspotId, label).toBeNull();
      if (json.hotspotId) {
        hotspotIds.add(json.hotspotId);
        if (!model.has(json.hotspotId)) model.set(json.hotspotId, null);
      }
      if (twin) done.twins += 1;
      sent.push({
        id: json.id,
        token: who.token,
        anonymous,
        secret: body.receiptSecret as string | undefined,
        body,
        at,
      });
    } else if (op < 0.42 || hotspotIds.size === 0) {
      // A minute's batch, at some time of the run: named flags sent so far and anonymous ones of the
      // hours before it count now, and exactly once.
      const waiting = `SELECT COUNT(*) AS n FROM flags WHERE NOT ${COUNTED} AND withdrawn IS NULL`;
      const [{ n }] = (await rows<{ n: number }>(waiting)) as [{ n: number }];
      await hourlyBatch(base + r.int(72) * DAY + r.int(DAY));
      const [{ n: m }] = (await rows<{ n: number }>(waiting)) as [{ n: number }];
      done.batched += n - m;
      await learnHotspots();
      await expectRollupsMatchRawFlags(host, model);
    } else if (op < 0.48) {
      // A retry of an earlier flag: nothing may count twice.
      const s = r.pick(sent);
      const res = await api('/v1/flags', { token: s.token, body: s.body });
      expect(res.status, label).toBe(200);
    } else if (op < 0.6) {
      const ids = [...hotspotIds];
      const a = r.pick(ids);
      const b = r.pick(ids);
      const res = await api(`/v1/hotspots/${a}/merge`, { token: l.token, body: { into: b } });
      if (a === b || modelRoot(b) === a) expect(res.status, label).toBe(400);
      else if (model.get(a) !== null) expect(res.status, label).toBe(409);
      else {
        expect(res.status, `${label}: ${await res.clone().text()}`).toBe(200);
        model.set(a, modelRoot(b));
        done.merges += 1;
      }
    } else if (op < 0.7) {
      const merged = [...model].filter(([, into]) => into !== null).map(([id]) => id);
      const a = merged.length > 0 && r.next() < 0.9 ? r.pick(merged) : r.pick([...hotspotIds]);
      const res = await api(`/v1/hotspots/${a}/unmerge`, { token: l.token, method: 'POST' });
      if (model.get(a) === null) expect(res.status, label).toBe(409);
      else {
        expect(res.status, label).toBe(200);
        model.set(a, null);
        done.undos += 1;
      }
    } else if (op < 0.8) {
      // A response set or cleared, or a status step, on a hotspot (409 once it is merged).
      const a = r.pick([...hotspotIds]);
      const status = loop.status.get(a) ?? 'new';
      const body =
        r.next() < 0.6
          ? { response: loop.responded.has(a) && r.next() < 0.4 ? null : 'We moved the field up' }
          : NEXT[status]
            ? { status: NEXT[status] }
            : { title: 'Same place' };
      const res = await api(`/v1/hotspots/${a}`, { method: 'PATCH', token: l.token, body });
      if (model.get(a) !== null) expect(res.status, label).toBe(409);
      else {
        expect(res.status, `${label}: ${await res.clone().text()}`).toBe(200);
        if ('response' in body) {
          if (body.response === null) loop.responded.delete(a);
          else loop.responded.add(a);
          done.responses += 1;
        }
        if ('status' in body && body.status) {
          loop.status.set(a, body.status);
          if (body.status === 'resolved') done.resolved += 1;
        }
      }
    } else if (op < 0.85) {
      // A PDSA cycle run to its decision; it sits on the hotspot's root at the time.
      const a = r.pick([...hotspotIds]);
      const plan = {
        clientId: crypto.randomUUID(),
        changeIdea: 'Autosave',
        prediction: 'Fewer lost notes',
        measure: 'Flags per week',
      };
      const cycle = (await (await api(`/v1/hotspots/${a}/cycles`, { token: l.token, body: plan })).json()) as {
        id: string;
      };
      const advance = (body: unknown) => api(`/v1/cycles/${cycle.id}/advance`, { token: l.token, body });
      expect((await advance({ stage: 'do', notes: 'Tried' })).status, label).toBe(200);
      expect((await advance({ stage: 'study', notes: 'Fewer' })).status, label).toBe(200);
      const decision = r.next() < 0.75 ? r.pick(['adopt', 'adapt'] as const) : 'abandon';
      expect((await advance({ stage: 'act', decision })).status, label).toBe(200);
      if (decision !== 'abandon') {
        loop.adopted.add(modelRoot(a));
        done.adopted += 1;
      }
    } else {
      // Half the time, a flag still waiting for its batch, if there is one.
      const ids = (await rows<{ id: string }>(`SELECT id FROM flags WHERE host = ?1 AND NOT ${COUNTED}`, host)).map(
        (f) => f.id,
      );
      const s = (ids.length > 0 && r.next() < 0.5 && sent.find((x) => x.id === r.pick(ids))) || r.pick(sent);
      const [waiting] = await rows<{ counted: number; withdrawn: string | null }>(
        `SELECT ${COUNTED} AS counted, withdrawn FROM flags WHERE id = ?1`,
        s.id,
      );
      if (waiting && waiting.counted !== 1 && waiting.withdrawn === null) done.withdrawnWaiting += 1;
      // A counted flag whose sender has another counted flag left in its cell: they stay in the cell.
      const [twin] = await rows<{ n: number }>(
        `SELECT COUNT(*) AS n FROM flags f JOIN flags o ON o.hotspot_id = f.hotspot_id AND o.id <> f.id
           AND o.user_id IS f.user_id AND COALESCE(o.unit_id, '') = COALESCE(f.unit_id, '')
           AND (o.created_at - ${4 * DAY}) / ${7 * DAY} = (f.created_at - ${4 * DAY}) / ${7 * DAY}
         WHERE f.id = ?1 AND f.withdrawn IS NULL AND o.withdrawn IS NULL
           AND f.epoch < (SELECT epoch FROM rollup_epoch) AND o.epoch < (SELECT epoch FROM rollup_epoch)`,
        s.id,
      );
      if ((twin?.n ?? 0) > 0) done.withdrawnTwin += 1;
      const res = s.anonymous
        ? await api('/v1/receipts/withdraw', { body: { secret: s.secret } })
        : await api(`/v1/flags/${s.id}/withdraw`, { token: s.token, method: 'POST' });
      expect(res.status, label).toBe(200);
      withdrawn.add(s.id);
    }
    if (step % 10 === 9) await expectRollupsMatchRawFlags(host, model);
  }
  // A last batch after every flag's hour: nothing waits any more, and everything counts once.
  await hourlyBatch(base + 72 * DAY);
  await learnHotspots();
  expect(await rows(`SELECT id FROM flags WHERE host = ?1 AND NOT ${COUNTED} AND withdrawn IS NULL`, host)).toEqual([]);
  const totals = await expectRollupsMatchRawFlags(host, model);
  await expectLoopMatchesModel(l.token, host, modelRoot, loop, base);
  // The list shows exactly the recomputed roots with flags.
  resetClock();
  const { hotspots } = await list(l.token, { host, limit: 200 });
  const expected = [...totals].filter(([, t]) => t.flags > 0);
  expect(hotspots.map((h) => [h.id, h.flagCount, h.reporterCount, h.minutesPerWeek]).sort()).toEqual(
    expected.map(([id, t]) => [id, t.flags, t.reporters.size, t.minutes]).sort(),
  );
  // The run exercised what it claims to.
  expect(withdrawn.size).toBeGreaterThan(0);
  expect(done.merges).toBeGreaterThan(0);
  expect(done.undos, JSON.stringify(done)).toBeGreaterThan(0);
  expect(done.responses, JSON.stringify(done)).toBeGreaterThan(0);
  expect(done.adopted, JSON.stringify(done)).toBeGreaterThan(0);
  expect(done.batched, JSON.stringify(done)).toBeGreaterThan(0);
  expect(done.withdrawnWaiting, JSON.stringify(done)).toBeGreaterThan(0);
  expect(done.withdrawnTwin, JSON.stringify(done)).toBeGreaterThan(0);
}

describe('rollups equal a recomputation from raw flags', () => {
  [1, 2, 3, 42].forEach((seed, i) => {
    it(`after random inserts, batches, retries, merges, undos, withdrawals, responses, statuses and PDSA decisions (seed ${seed})`, async () => {
      await run(seed, 110, Date.UTC(2026, 3, 6, 8) - i * 16 * 7 * DAY);
    }, 120_000);
  });
});
