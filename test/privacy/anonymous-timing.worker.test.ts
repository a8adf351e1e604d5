// Issue 13 §6: anonymous flags reach counters, rollups and hotspot timestamps only in the hourly
// batch (the cron), never in their own request; the receipt and retries work at once.
import { afterEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll, flagBody, randomSecret, seedCatalog } from '../worker/helpers';
import { clinicianIn, flag, lead, screen, uniqueHost } from '../worker/hotspots-helpers';
import { at, getJson, runCron } from './kanon-helpers.worker';

afterEach(() => resetClock());

describe('an anonymous flag in its own request', () => {
  it('changes no count a lead can poll until the hourly batch, while its receipt works at once', async () => {
    setClock(() => at(0, 1, 9, 5));
    const { unitId } = await seedCatalog();
    const host = uniqueHost();
    const named = await clinicianIn(unitId, 'Named First');
    const hotspot = (await flag(named.token, { screen: screen(host) })).hotspotId ?? '';
    const l = await lead();
    const views = async () =>
      JSON.stringify([
        (await getJson(l.token, `/v1/hotspots?host=${host}`)).hotspots,
        await getJson(l.token, `/v1/hotspots/${hotspot}`),
        await getJson(l.token, '/v1/hotspots/breakdown'),
        (await getJson(l.token, '/v1/programme/health')).loop,
      ]);
    const before = await views();

    setClock(() => at(0, 1, 10, 37));
    const sender = await enroll(['clinician'], 'Anonymous Sender');
    const secret = randomSecret();
    const body = flagBody({ screen: screen(host), anonymous: true, receiptSecret: secret, unitId, text: 'quiet one' });
    const res = await api('/v1/flags', { token: sender.token, body });
    expect(res.status).toBe(201);
    expect(await views()).toBe(before);
    // The receipt answers at once, and a retry returns the same flag.
    const status = await api('/v1/receipts/status', { body: { secrets: [secret] } });
    const [stored] = ((await status.json()) as { flags: { id: string }[] }).flags;
    expect(stored).toMatchObject({ text: 'quiet one', anonymous: true, withdrawn: false });
    const retry = await api('/v1/flags', { token: sender.token, body });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { id: string }).id).toBe(stored?.id);
    // Later in the same hour, still nothing.
    setClock(() => at(0, 1, 10, 59));
    expect(await views()).toBe(before);

    // The hourly batch after that hour counts it.
    await runCron(at(0, 1, 11, 0));
    const after = await getJson(l.token, `/v1/hotspots/${hotspot}`);
    expect(after.flagCount).toBe(2);
  });

  it('creates its hotspot only in the batch, with a time that does not tell it from a named one', async () => {
    setClock(() => at(0, 2, 14, 21));
    const host = uniqueHost();
    const s = await enroll(['clinician'], 'Two Ways');
    const l = await lead();
    await api('/v1/flags', {
      token: s.token,
      body: flagBody({ screen: screen(host, '/orders'), anonymous: true, receiptSecret: randomSecret() }),
    });
    const namedHotspot = (await flag(s.token, { screen: screen(host, '/notes') })).hotspotId;
    const listed = async () => (await getJson(l.token, `/v1/hotspots?host=${host}`)).hotspots;
    expect((await listed()).map((h: { id: string }) => h.id)).toEqual([namedHotspot]);

    await runCron(at(0, 2, 15, 0));
    const hotspots = await listed();
    expect(hotspots).toHaveLength(2);
    const [a, b] = hotspots.map((h: { createdAt: string }) => h.createdAt);
    expect(a).toBe(b);
  });
});
