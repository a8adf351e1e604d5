import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/auth';
import { ClinicianDigest, Digest, LeadDigest, MentorDigest } from '../../../shared/digests';
import { KbSearchResult } from '../../../shared/kb';
import { DAY, resetClock, setClock } from '../../../worker/lib/clock';
import { api, enroll, expectError, seedCatalog } from '../helpers';
import { anonymousFlag, flag, hourlyBatch, lead, screen, uniqueHost } from '../hotspots-helpers';
import { act, answerBody, ask, mentor, post } from '../mentor-helpers';

async function digest(s: Session, role: string) {
  const res = await api(`/v1/digest?role=${role}`, { token: s.token });
  expect(res.status, await res.clone().text()).toBe(200);
  return Digest.parse(await res.json());
}

const patch = (token: string, id: string, body: unknown) => api(`/v1/hotspots/${id}`, { method: 'PATCH', token, body });

describe('GET /v1/digest', () => {
  it('answers only for a role the reader holds', async () => {
    const clinician = await enroll(['clinician']);
    await expectError(await api('/v1/digest?role=lead', { token: clinician.token }), 403, 'forbidden');
    await expectError(await api('/v1/digest?role=mentor', { token: clinician.token }), 403, 'forbidden');
    await expectError(await api('/v1/digest?role=admin', { token: clinician.token }), 400, 'validation_failed');
    await expectError(await api('/v1/digest?role=clinician'), 401, 'unauthorized');
  });

  it('tells a clinician what changed on screens they flagged by name, and nothing about others', async () => {
    const me = await enroll(['clinician']);
    const other = await enroll(['clinician']);
    const l = await lead();
    const mine = (await flag(me.token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    const theirs = (await flag(other.token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    expect(ClinicianDigest.parse(await digest(me, 'clinician')).changes).toEqual([]);
    for (const id of [mine, theirs]) {
      expect((await patch(l.token, id, { status: 'acknowledged' })).status).toBe(200);
      expect((await patch(l.token, id, { response: 'We are asking the vendor for a longer timeout.' })).status).toBe(
        200,
      );
    }
    const d = ClinicianDigest.parse(await digest(me, 'clinician'));
    expect(d.changes).toMatchObject([
      { hotspotId: mine, status: 'acknowledged', response: 'We are asking the vendor for a longer timeout.' },
    ]);
  });

  it('gives a mentor their routing’s waiting questions, answers, thanks and reads', async () => {
    const { topicId } = await seedCatalog();
    const m = await mentor([topicId]);
    const asker = await enroll();
    const q = await ask(asker.token, topicId, { text: 'Where is the capybara order set?' });
    await ask(asker.token, topicId, { urgency: 'today' });
    await ask(asker.token, topicId);
    let d = MentorDigest.parse(await digest(m, 'mentor'));
    expect(d).toMatchObject({ openQuestions: 3, urgentOpen: 1, answered: 0, thanks: 0, answersRead: 0 });

    await act(m.token, q.id, 'claim');
    await act(m.token, q.id, 'answer', answerBody('Under favourites, capybara tab.'));
    expect((await post(`/v1/questions/${q.id}/helpful`, asker.token, { helpful: true })).status).toBe(200);
    await act(m.token, q.id, 'shareable', { shareable: true });
    expect((await post(`/v1/questions/${q.id}/consent`, asker.token, { consent: true })).status).toBe(200);
    const search = await post('/v1/kb/search', asker.token, { query: 'capybara' });
    const [hit] = KbSearchResult.parse(await search.json()).results;
    expect((await post(`/v1/kb/${hit?.id}/open`, asker.token)).status).toBe(200);

    d = MentorDigest.parse(await digest(m, 'mentor'));
    expect(d).toMatchObject({ openQuestions: 2, urgentOpen: 1, answered: 1, thanks: 1, answersRead: 1 });
  });

  it('names a lead’s top hotspots only with k named reporters other than the lead', async () => {
    const l = await enroll(['lead', 'clinician'], 'Lead Reporter');
    const host = uniqueHost();
    const heavy = { screen: screen(host), frequency: 'every_patient', minutesLost: 300, impact: 'harm' };
    await flag(l.token, heavy);
    for (let i = 0; i < 2; i++) await flag((await enroll()).token, heavy);
    // Anonymous flags add to the numbers but never make k.
    for (let i = 0; i < 3; i++) await anonymousFlag((await enroll()).token, heavy);
    await hourlyBatch();
    const named = (d: LeadDigest) => d.topHotspots.filter((h) => h.label.includes(host));
    expect(named(LeadDigest.parse(await digest(l, 'lead')))).toEqual([]);
    await flag((await enroll()).token, heavy);
    const [h] = named(LeadDigest.parse(await digest(l, 'lead')));
    expect(h).toMatchObject({ flags: 7, status: 'new' });
  });
});

describe('a lead’s loops closed and cycles due', () => {
  it('counts hotspots closed in the last 7 days and PDSA cycles left 14 days at one step', async () => {
    const l = await lead();
    const before = LeadDigest.parse(await digest(l, 'lead'));
    const id = (await flag((await enroll()).token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    for (const status of ['acknowledged', 'in_progress', 'resolved'])
      expect((await patch(l.token, id, { status })).status).toBe(200);
    const cycleOn = async (hotspotId: string) => {
      const res = await api(`/v1/hotspots/${hotspotId}/cycles`, {
        token: l.token,
        body: {
          clientId: crypto.randomUUID(),
          changeIdea: 'Longer timeout',
          prediction: 'Fewer lost notes',
          measure: 'Flags a week',
        },
      });
      expect(res.status, await res.clone().text()).toBe(201);
    };
    const other = (await flag((await enroll()).token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    setClock(() => Date.now() - 15 * DAY);
    try {
      await cycleOn(other);
    } finally {
      resetClock();
    }
    await cycleOn(other);
    const after = LeadDigest.parse(await digest(l, 'lead'));
    expect(after.loopsClosed - before.loopsClosed).toBe(1);
    expect(after.cyclesDue - before.cyclesDue).toBe(1);
  });
});

describe('GET /go/… (where a message’s button lands)', () => {
  it('is a plain page with no data that says where the item waits', async () => {
    const res = await api('/go/question/abcdef0123456789');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('An urgent question is waiting');
    // The id goes only into the request to the extension, never into the words.
    expect(html.replace(/<main[^>]*>/, '')).not.toContain('abcdef0123456789');
    expect((await api('/go/dashboard')).status).toBe(200);
    expect((await api('/go/elsewhere')).status).toBe(404);
  });
});
