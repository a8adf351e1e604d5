// Issue 13 §5, the unit of an anonymous flag. A unit with fewer active people than k narrows an
// anonymous flag down to a handful of senders, so the form must be able to warn about it: the
// catalog says which units are small (a yes/no only, never a head count). And the server never
// fills in the sender's own unit for an anonymous flag, nor for an anonymous "me too".
import { env } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { UnitList } from '../../shared/catalog';
import { clearSettingsCache, updateSettings } from '../../worker/db/settings';
import { api, enroll, enrollWith, flagBody, makeCode, randomSecret, rows, seedCatalog } from '../worker/helpers';
import { rollupBatch } from '../worker/hotspots-helpers';

afterEach(async () => {
  await updateSettings(env.DB, { kAnonymity: 3 });
  clearSettingsCache();
});

async function unitsSeenBy(token: string) {
  const res = await api('/v1/units', { token });
  expect(res.status).toBe(200);
  return UnitList.parse(await res.json()).units;
}

async function staff(unitId: string, n: number) {
  const code = await makeCode({ roles: ['clinician'], unitId });
  return Promise.all(Array.from({ length: n }, (_, i) => enrollWith(code, `Staff ${i}`)));
}

describe('small units in the catalog clinicians read', () => {
  it('marks a unit with fewer than k active people as small, and only that', async () => {
    await updateSettings(env.DB, { kAnonymity: 3 });
    const { unitId: small } = await seedCatalog();
    const { unitId: large } = await seedCatalog();
    const { unitId: empty } = await seedCatalog();
    const [reader] = await staff(small, 2);
    await staff(large, 3);
    const units = await unitsSeenBy(reader?.token ?? '');
    const find = (id: string) => units.find((u) => u.id === id);
    expect(find(small)?.small).toBe(true);
    expect(find(empty)?.small).toBe(true);
    expect(find(large)?.small).toBe(false);
    // A yes/no only: no head count a sender could be guessed from.
    expect(Object.keys(find(large) ?? {}).sort()).toEqual(['active', 'id', 'name', 'small']);
  });

  it('counts active people only, against the organisation’s own k', async () => {
    await updateSettings(env.DB, { kAnonymity: 3 });
    const { unitId } = await seedCatalog();
    const people = await staff(unitId, 3);
    const reader = await enroll();
    expect((await unitsSeenBy(reader.token)).find((u) => u.id === unitId)?.small).toBe(false);

    // One leaves: the unit falls below k.
    await env.DB.prepare('UPDATE users SET active = 0 WHERE id = ?1').bind(people[0]?.user.id).run();
    expect((await unitsSeenBy(reader.token)).find((u) => u.id === unitId)?.small).toBe(true);

    // The organisation lowers k to 2: two people are enough again.
    await updateSettings(env.DB, { kAnonymity: 2 });
    expect((await unitsSeenBy(reader.token)).find((u) => u.id === unitId)?.small).toBe(false);
  });
});

describe('the server never fills a unit into an anonymous flag', () => {
  it('stores no unit for an anonymous flag or "me too" sent without one, and the chosen unit when chosen', async () => {
    const { unitId } = await seedCatalog();
    const [sender] = await staff(unitId, 1);
    const token = sender?.token ?? '';
    const anon = flagBody({ anonymous: true, receiptSecret: randomSecret() });
    expect((await api('/v1/flags', { token, body: anon })).status).toBe(201);
    const named = flagBody();
    const created = await api('/v1/flags', { token, body: named });
    expect(created.status).toBe(201);
    // The minute's rollup batch links the named flag to its screen's hotspot.
    await rollupBatch();
    const chosen = flagBody({ anonymous: true, receiptSecret: randomSecret(), unitId });
    expect((await api('/v1/flags', { token, body: chosen })).status).toBe(201);

    const [{ hotspot_id: hotspotId } = { hotspot_id: '' }] = await rows<{ hotspot_id: string }>(
      'SELECT hotspot_id FROM flags WHERE client_id = ?1',
      named.clientId,
    );
    const meToo = { clientId: crypto.randomUUID(), anonymous: true, receiptSecret: randomSecret() };
    expect((await api(`/v1/hotspots/${hotspotId}/me-too`, { token, body: meToo })).status).toBe(201);

    const unitOf = async (clientId: string) =>
      (await rows<{ unit_id: string | null }>('SELECT unit_id FROM flags WHERE client_id = ?1', clientId))[0]?.unit_id;
    expect(await unitOf(anon.clientId)).toBeNull();
    expect(await unitOf(meToo.clientId)).toBeNull();
    expect(await unitOf(chosen.clientId)).toBe(unitId);
    // A named flag still takes the sender's unit when none is given.
    expect(await unitOf(named.clientId)).toBe(unitId);
  });
});
