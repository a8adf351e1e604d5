// Issue 20 §1: a lead's own actions as a lens. Merging, undoing, re-categorising by merge and
// topping a hotspot up with the lead's own flags must never show a flag whose home screen has fewer
// than k named people other than the lead.
import { afterEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll } from '../worker/helpers';
import { anonymousFlag, flag, screen, uniqueHost } from '../worker/hotspots-helpers';
import { at, getJson, K, runCron, tag } from './kanon-helpers.worker';

afterEach(() => resetClock());

const merge = (token: string, id: string, into: string) => api(`/v1/hotspots/${id}/merge`, { token, body: { into } });
const unmerge = (token: string, id: string) => api(`/v1/hotspots/${id}/unmerge`, { token, method: 'POST' });

/** Everything a lead can read of flag texts and days: every drill-down given, and the flags export. */
async function readable(token: string, hotspots: string[]): Promise<string> {
  const parts = [];
  for (const id of hotspots) parts.push(JSON.stringify(await getJson(token, `/v1/hotspots/${id}`)));
  parts.push(await getJson(token, '/v1/exports/flags.csv'));
  return parts.join('\n');
}

describe('actions move counts, never visibility', () => {
  it('merging a one-reporter hotspot into a large one (of another category) and undoing shows nothing', async () => {
    setClock(() => at(0, 2, 9, 13));
    const host = uniqueHost();
    const secret = `victim words ${tag()}`;
    const victim = await enroll(['clinician'], 'Victim Reporter');
    const small = (await flag(victim.token, { screen: screen(host, '/orders'), text: secret })).hotspotId ?? '';
    setClock(() => at(0, 4, 15, 2));
    let large = '';
    for (let i = 0; i < K + 1; i++) {
      const s = await enroll(['clinician'], `Crowd ${i}`);
      large =
        (await flag(s.token, { screen: screen(host, '/notes'), category: 'orders_medications', text: `crowd ${i}` }))
          .hotspotId ?? '';
    }
    setClock(() => at(1, 1));
    const l = await enroll(['lead'], 'Curious Lead');
    expect(await readable(l.token, [small, large])).not.toContain(secret);

    expect((await merge(l.token, small, large)).status).toBe(200);
    const merged = await readable(l.token, [small, large]);
    expect(merged).not.toContain(secret);
    expect(merged).not.toContain('2026-03-04'); // the victim's day
    expect((await unmerge(l.token, small)).status).toBe(200);

    // The other way round: the crowd merged into the victim's hotspot.
    expect((await merge(l.token, large, small)).status).toBe(200);
    expect(await readable(l.token, [small, large])).not.toContain(secret);
    expect((await unmerge(l.token, large)).status).toBe(200);
    // A status step on the merged root changes nothing either.
    expect((await merge(l.token, small, large)).status).toBe(200);
    await api(`/v1/hotspots/${large}`, { method: 'PATCH', token: l.token, body: { status: 'acknowledged' } });
    expect(await readable(l.token, [small, large])).not.toContain(secret);
  });

  it('a lead’s own flags (one named, one anonymous) never top a hotspot up to k', async () => {
    setClock(() => at(0, 2));
    const host = uniqueHost();
    const secret = `lonely words ${tag()}`;
    const others = [];
    for (let i = 0; i < K - 2; i++) others.push(await enroll(['clinician'], `Other ${i}`));
    const victim = await enroll(['clinician'], 'Lonely Reporter');
    const hotspot = (await flag(victim.token, { screen: screen(host), text: secret })).hotspotId ?? '';
    for (const o of others) await flag(o.token, { screen: screen(host), text: 'another' });
    const l = await enroll(['lead'], 'Topping Lead');
    expect(await readable(l.token, [hotspot])).not.toContain(secret);
    // The lead flags the same screen, named and anonymously, and lets the hourly batch run.
    await flag(l.token, { screen: screen(host), text: 'lead named' });
    await anonymousFlag(l.token, { screen: screen(host), text: 'lead anonymous' });
    await runCron(at(0, 2, 12));
    setClock(() => at(0, 3));
    const seen = await readable(l.token, [hotspot]);
    expect(seen).not.toContain(secret);
    expect(seen).not.toContain('lead anonymous');
  });
});
