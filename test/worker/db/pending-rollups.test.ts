import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { NewFlag } from '../../../worker/db/flags';
import { applyPendingFlags } from '../../../worker/db/pending-rollups';
import { findFlagLink, withdrawStatements } from '../../../worker/db/rollups';
import { floorToHour, HOUR, now, resetClock } from '../../../worker/lib/clock';
import { flagWriteStatements } from '../../../worker/services/flag-write';
import { enroll, rows, seedCatalog } from '../helpers';
import { uniqueHost } from '../hotspots-helpers';

afterEach(() => resetClock());

/** A flag as createFlagOnce builds it, on `host`, by `userId` (anonymous when null). */
function newFlag(host: string, userId: string | null, unitId: string | null, at = now()): NewFlag {
  const id = crypto.randomUUID();
  return {
    id,
    clientId: crypto.randomUUID(),
    bodyHash: `hash${id}`,
    userId,
    anonymous: userId === null,
    receiptHash: userId === null ? `receipt${id}` : null,
    contactOk: false,
    text: 'Med rec screen times out before I can save',
    category: 'documentation_ehr',
    frequency: 'daily',
    minutesLost: 5,
    impact: 'delay',
    idea: null,
    unitId,
    host,
    path: '/medrec/:id',
    pageTitle: null,
    createdAt: userId === null ? floorToHour(at) : at,
  };
}

/** Writes the flags as POST /v1/flags does, each in a batch of its own; rows written by each. */
async function write(flags: NewFlag[]): Promise<number[]> {
  const written: number[] = [];
  for (const f of flags) {
    const results = await env.DB.batch(flagWriteStatements(env.DB, f, DEFAULT_SETTINGS.frequencyMultipliers));
    written.push(results.reduce((n, r) => n + (r.meta.rows_written ?? 0), 0));
  }
  return written;
}

/** The minute's batch (anonymous flags of this hour wait), as worker/jobs/rollups.ts runs it. */
const batch = (at = now()) => applyPendingFlags(env.DB, floorToHour(at), () => crypto.randomUUID());

describe('a flag costs its own row and indexes; rollups come in batches', () => {
  it('writes at most 4 rows (index entries counted) in the flag’s own request, named or anonymous', async () => {
    const { unitId } = await seedCatalog();
    const { user } = await enroll(['clinician']);
    const host = uniqueHost();
    const written = await write([newFlag(host, user.id, unitId), newFlag(host, null, unitId)]);
    for (const n of written) expect(n).toBeGreaterThan(0);
    for (const n of written) expect(n).toBeLessThanOrEqual(4);
    // Nothing but the rows: no hotspot, no cell, until the batch.
    expect(await rows('SELECT id FROM hotspots WHERE host = ?1', host)).toEqual([]);
    await batch(now() + HOUR);
    // Once the hotspot exists a named flag names it at insert, still within 4 rows, and still counts only at
    // the next batch; an anonymous one names nothing until the batch after its hour links it.
    const [named, anonymous] = [newFlag(host, user.id, unitId), newFlag(host, null, unitId)];
    for (const n of await write([named, anonymous])) expect(n).toBeLessThanOrEqual(4);
    const flagRows = await rows<{ id: string; hotspot_id: string | null }>(
      'SELECT id, hotspot_id FROM flags WHERE id IN (?1, ?2)',
      named.id,
      anonymous.id,
    );
    const [hotspot] = await rows<{ id: string; flag_count: number }>(
      'SELECT id, flag_count FROM hotspots WHERE host = ?1',
      host,
    );
    expect(Object.fromEntries(flagRows.map((f) => [f.id, f.hotspot_id]))).toEqual({
      [named.id]: hotspot?.id,
      [anonymous.id]: null,
    });
    expect(hotspot?.flag_count).toBe(2);
    expect((await batch()).applied).toBe(1);
    expect(await rows('SELECT flag_count FROM hotspots WHERE host = ?1', host)).toEqual([{ flag_count: 3 }]);
  });

  it('writes each rollup cell once per batch, however many flags it takes in', async () => {
    const { unitId } = await seedCatalog();
    const { user } = await enroll(['clinician']);
    const host = uniqueHost();
    await batch();
    // The cells exist (a first batch of one), so later batches only add to them.
    await write([newFlag(host, user.id, unitId)]);
    await batch();
    await write([newFlag(host, user.id, unitId)]);
    const one = await batch();
    await write(Array.from({ length: 10 }, () => newFlag(host, user.id, unitId)));
    const ten = await batch();
    expect([one.applied, ten.applied]).toEqual([1, 10]);
    // Named flags on a hotspot that exists name it from their insert: ten cost the batch what one does,
    // each cell once and the next epoch once, with no write per flag (migration 0024). A cell written per
    // flag would add 3 rows each (root totals, the week with its packed unit cells, the reporter's cell),
    // and linking each flag 2 (its row and its moved flags_by_hotspot entry).
    expect(ten.rowsWritten).toBe(one.rowsWritten);
    const [week] = await rows<{ flag_count: number; units: string }>(
      'SELECT w.flag_count, w.units FROM hotspot_weeks w JOIN hotspots h ON h.id = w.hotspot_id WHERE h.host = ?1',
      host,
    );
    // The unit's cell, packed in its column: [unit, named, flags, minutes].
    expect(week?.flag_count).toBe(12);
    expect(JSON.parse(week?.units ?? '[]')).toEqual([[unitId, 1, 12, expect.any(Number)]]);
  });

  it('reads only the waiting rows when it runs, never the counted flags', async () => {
    const { unitId } = await seedCatalog();
    const { user } = await enroll(['clinician']);
    const host = uniqueHost();
    await write(Array.from({ length: 40 }, () => newFlag(host, user.id, unitId)));
    await batch();
    const idle = await batch();
    expect(idle.applied).toBe(0);
    expect(idle.rowsWritten).toBe(0);
    // The waiting rows (none), and each hotspot with one seek for the current epoch's flags: never the
    // 40 counted, and no more once 40 more have counted.
    const [{ n: hotspots }] = (await rows<{ n: number }>('SELECT COUNT(*) AS n FROM hotspots')) as [{ n: number }];
    expect(idle.rowsRead).toBeLessThanOrEqual(2 * hotspots + 3);
    await write(Array.from({ length: 40 }, () => newFlag(host, user.id, unitId)));
    await batch();
    expect((await batch()).rowsRead).toBe(idle.rowsRead);
  });

  it('counts an anonymous flag only after its hour, and a named one at the next run', async () => {
    const { unitId } = await seedCatalog();
    const { user } = await enroll(['clinician']);
    const host = uniqueHost();
    await write([newFlag(host, user.id, unitId), newFlag(host, null, unitId)]);
    await batch();
    const counted = () =>
      rows<{ n: number }>('SELECT flag_count AS n FROM hotspots WHERE host = ?1', host).then((r) => r[0]?.n);
    expect(await counted()).toBe(1);
    await batch(now() + HOUR);
    expect(await counted()).toBe(2);
  });

  it('writes a reporter into a cell once: their later flags there cost no row, their last withdrawal drops it', async () => {
    const { unitId } = await seedCatalog();
    const [{ user: ann }, { user: bob }] = [await enroll(['clinician']), await enroll(['clinician'])];
    const host = uniqueHost();
    const first = [newFlag(host, ann.id, unitId), newFlag(host, null, unitId)];
    await write(first);
    await batch(now() + HOUR);
    const members = () =>
      rows<{ reporter_key: string }>(
        'SELECT u.reporter_key FROM unit_reporters u JOIN hotspots h ON h.id = u.hotspot_id WHERE h.host = ?1',
        host,
      ).then((r) => r.map((m) => m.reporter_key).sort());
    expect(await members()).toEqual(['anon', `u:${ann.id}`]);
    // Both again in the same cell: membership only (migration 0025), so nothing to write there.
    const again = [newFlag(host, ann.id, unitId), newFlag(host, null, unitId)];
    await write(again);
    expect((await batch(now() + HOUR)).writtenBy?.unit_reporters).toBe(0);
    // Someone new: their row and its by-unit index entry (named reporters only have one).
    await write([newFlag(host, bob.id, unitId)]);
    expect((await batch()).writtenBy?.unit_reporters).toBe(2);
    expect(await members()).toEqual(['anon', `u:${ann.id}`, `u:${bob.id}`].sort());
    const withdraw = async (flagId: string) => {
      const link = await findFlagLink(env.DB, flagId);
      if (link) await env.DB.batch(withdrawStatements(env.DB, link, crypto.randomUUID()));
    };
    const named = () =>
      rows<{ units: string }>(
        'SELECT w.units FROM hotspot_weeks w JOIN hotspots h ON h.id = w.hotspot_id WHERE h.host = ?1',
        host,
      ).then((r) => JSON.parse(r[0]?.units ?? '[]')[0]?.[1]);
    // A flag withdrawn while its sender has another counted one in the cell: they stay in it, and named.
    await withdraw(first[0]?.id as string);
    await withdraw(first[1]?.id as string);
    expect(await members()).toEqual(['anon', `u:${ann.id}`, `u:${bob.id}`].sort());
    expect(await named()).toBe(2);
    // Their last one: they leave the cell, the cell's named count and the root's reporters follow.
    await withdraw(again[0]?.id as string);
    await withdraw(again[1]?.id as string);
    expect(await members()).toEqual([`u:${bob.id}`]);
    expect(await named()).toBe(1);
    expect(await rows('SELECT reporter_count FROM hotspots WHERE host = ?1', host)).toEqual([{ reporter_count: 1 }]);
  });
});
