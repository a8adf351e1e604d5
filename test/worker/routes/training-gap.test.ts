import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/auth';
import { FlagList, ReceiptStatusResponse } from '../../../shared/flags';
import { HotspotDetail } from '../../../shared/hotspots';
import { ScreenTip, ScreenTipList } from '../../../shared/kb';
import { TipRequestList } from '../../../shared/training';
import { api, count, enroll, expectError, seedCatalog } from '../helpers';
import { anonymousFlag, flag, hourlyBatch, lead, screen, uniqueHost } from '../hotspots-helpers';
import { mentor, post } from '../mentor-helpers';

const patch = (token: string, id: string, body: unknown) => api(`/v1/hotspots/${id}`, { method: 'PATCH', token, body });
const gapBody = (topicId: string, extra: Record<string, unknown> = {}) => ({
  clientId: crypto.randomUUID(),
  topicId,
  note: 'People do not know the Reconcile tab exists',
  ...extra,
});
const tipBody = (text = 'Reconcile tab → Refresh external history pulls the pharmacy list in.') => ({
  clientId: crypto.randomUUID(),
  text,
});

/** A hotspot on a screen of its own, moved to in progress, with one named reporter. */
async function inProgress(l: Session, reporter?: Session) {
  const s = reporter ?? (await enroll(['clinician'], 'Nora Nurse'));
  const host = uniqueHost();
  const f = await flag(s.token, { screen: screen(host) });
  const id = f.hotspotId ?? '';
  for (const status of ['acknowledged', 'in_progress']) expect((await patch(l.token, id, { status })).status).toBe(200);
  return { id, host, reporter: s, flag: f };
}

async function requests(token: string) {
  const res = await api('/v1/tip-requests', { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return TipRequestList.parse(await res.json()).requests;
}

async function resolveAsGap(token: string, id: string, body: unknown) {
  const res = await post(`/v1/hotspots/${id}/training-gap`, token, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return HotspotDetail.parse(await res.json());
}

describe('training gap → tip', () => {
  it('resolves the hotspot and asks the mentors of the chosen topic, once', async () => {
    const { topicId } = await seedCatalog();
    const other = await seedCatalog();
    const l = await lead();
    const taker = await mentor([topicId], { name: 'Mina Mentor' });
    const elsewhere = await mentor([other.topicId], { name: 'Otto Other' });
    const { id, host } = await inProgress(l);

    const body = gapBody(topicId);
    const detail = await resolveAsGap(l.token, id, body);
    expect(detail.status).toBe('resolved');
    expect(detail.resolution).toBe('training_gap');
    expect(detail.tipRequest).toMatchObject({ topicId, tip: null });

    // A retry of the same click is answered with the first; a second request is refused.
    expect((await post(`/v1/hotspots/${id}/training-gap`, l.token, body)).status).toBe(200);
    await expectError(await post(`/v1/hotspots/${id}/training-gap`, l.token, gapBody(topicId)), 409, 'conflict');
    expect(await count('SELECT COUNT(*) AS n FROM tip_requests WHERE hotspot_id = ?1', id)).toBe(1);
    expect(
      await count("SELECT COUNT(*) AS n FROM audit WHERE action = 'hotspot.training_gap' AND target = ?1", id),
    ).toBe(1);

    const mine = (await requests(taker.token)).filter((r) => r.screen.host === host);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ screen: { host, path: '/medrec/:id' }, note: body.note });
    expect((await requests(elsewhere.token)).map((r) => r.screen.host)).not.toContain(host);
  });

  it('reaches every mentor when nobody available takes the topic, so nothing waits unseen', async () => {
    const { topicId } = await seedCatalog();
    const other = await seedCatalog();
    const l = await lead();
    await mentor([topicId], { name: 'Away Amy', away: true });
    const anyone = await mentor([other.topicId], { name: 'Otto Other' });
    const { id, host } = await inProgress(l);
    await resolveAsGap(l.token, id, gapBody(topicId));
    expect((await requests(anyone.token)).map((r) => r.screen.host)).toContain(host);
  });

  it('is refused before in progress, without a screen, for an unknown topic, and to other roles', async () => {
    const { topicId } = await seedCatalog();
    const l = await lead();
    const s = await enroll(['clinician'], 'Nora Nurse');
    const fresh = (await flag(s.token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    await expectError(await post(`/v1/hotspots/${fresh}/training-gap`, l.token, gapBody(topicId)), 409, 'conflict');
    const noScreen = (await flag(s.token, { screen: undefined, category: 'staffing_workload' })).hotspotId ?? '';
    for (const status of ['acknowledged', 'in_progress']) await patch(l.token, noScreen, { status });
    await expectError(await post(`/v1/hotspots/${noScreen}/training-gap`, l.token, gapBody(topicId)), 409, 'conflict');
    const { id } = await inProgress(l, s);
    await expectError(
      await post(`/v1/hotspots/${id}/training-gap`, l.token, gapBody('topicnope1')),
      400,
      'validation_failed',
    );
    const m = await mentor([topicId]);
    await expectError(await post(`/v1/hotspots/${id}/training-gap`, m.token, gapBody(topicId)), 403, 'forbidden');
    await expectError(await post(`/v1/hotspots/${id}/training-gap`, s.token, gapBody(topicId)), 403, 'forbidden');
    await expectError(
      await post(`/v1/hotspots/${id}/training-gap`, l.token, gapBody(topicId, { note: 'Seen with MRN 00482913' })),
      422,
      'identifiers_found',
    );
    expect(
      await count('SELECT COUNT(*) AS n FROM tip_requests WHERE hotspot_id IN (?1, ?2, ?3)', fresh, noScreen, id),
    ).toBe(0);
  });

  it('a mentor writes the tip once: it shows on the screen, and every reporter reads it (named and anonymous)', async () => {
    const { topicId } = await seedCatalog();
    const l = await lead();
    const m = await mentor([topicId], { name: 'Mina Mentor' });
    const second = await mentor([topicId], { name: 'Sam Second' });
    const named = await enroll(['clinician'], 'Nora Nurse');
    const { id, host } = await inProgress(l, named);
    const anon = await enroll(['clinician'], 'Quiet Quinn');
    const { secret } = await anonymousFlag(anon.token, { screen: screen(host) });
    await hourlyBatch();
    await resolveAsGap(l.token, id, gapBody(topicId));
    const request = (await requests(m.token)).find((r) => r.screen.host === host);
    if (!request) throw new Error('no request');

    await expectError(
      await post(`/v1/tip-requests/${request.id}/tip`, m.token, tipBody('Call MRN 00482913 first')),
      422,
      'identifiers_found',
    );
    const body = tipBody();
    const res = await post(`/v1/tip-requests/${request.id}/tip`, m.token, body);
    expect(res.status, await res.clone().text()).toBe(201);
    const tip = ScreenTip.parse(await res.json());
    expect((await post(`/v1/tip-requests/${request.id}/tip`, m.token, body)).status).toBe(200); // a retry
    await expectError(await post(`/v1/tip-requests/${request.id}/tip`, second.token, tipBody()), 409, 'conflict');
    expect((await requests(second.token)).map((r) => r.id)).not.toContain(request.id);

    // On the popup of everyone who opens Curbside on that screen.
    const tips = await api(`/v1/kb/screen-tips?host=${host}`, { token: anon.token });
    expect(ScreenTipList.parse(await tips.json()).tips.map((t) => t.text)).toContain(body.text);

    // "You said, we did": the named reporter in My items, the anonymous one by the sealed receipt alone.
    const mineRes = await api('/v1/flags/mine', { token: named.token });
    const [own] = FlagList.parse(await mineRes.json()).flags;
    expect(own?.status).toBe('resolved');
    expect(own?.tip).toMatchObject({ id: tip.id, text: body.text });
    const byReceipt = await api('/v1/receipts/status', { body: { secrets: [secret] } });
    const [sealed] = ReceiptStatusResponse.parse(await byReceipt.json()).flags;
    expect(sealed?.tip?.text).toBe(body.text);

    const detail = HotspotDetail.parse(await (await api(`/v1/hotspots/${id}`, { token: l.token })).json());
    expect(detail.tipRequest?.tip?.text).toBe(body.text);
  });

  it('hides a request from mentors it is not routed to (404), and reopens it when its tip is removed', async () => {
    const { topicId } = await seedCatalog();
    const other = await seedCatalog();
    const l = await lead();
    const m = await mentor([topicId], { name: 'Mina Mentor' });
    const outsider = await mentor([other.topicId], { name: 'Otto Other' });
    const { id, host } = await inProgress(l);
    await resolveAsGap(l.token, id, gapBody(topicId));
    const request = (await requests(m.token)).find((r) => r.screen.host === host);
    if (!request) throw new Error('no request');
    await expectError(await post(`/v1/tip-requests/${request.id}/tip`, outsider.token, tipBody()), 404, 'not_found');
    const clinician = await enroll(['clinician']);
    await expectError(await post(`/v1/tip-requests/${request.id}/tip`, clinician.token, tipBody()), 403, 'forbidden');

    const res = await post(`/v1/tip-requests/${request.id}/tip`, m.token, tipBody());
    const tip = ScreenTip.parse(await res.json());
    expect((await requests(m.token)).map((r) => r.id)).not.toContain(request.id);
    expect((await api(`/v1/tips/${tip.id}`, { method: 'DELETE', token: m.token })).status).toBe(200);
    expect((await requests(m.token)).map((r) => r.id)).toContain(request.id);
  });
});
