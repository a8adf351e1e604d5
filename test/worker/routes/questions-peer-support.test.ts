import { afterEach, describe, expect, it } from 'vitest';
import { InboxSummary, PeerAudit } from '../../../shared/mentoring';
import { NeedToTalkCreated } from '../../../shared/questions';
import { clearSettingsCache } from '../../../worker/db/settings';
import { resetClock, setClock } from '../../../worker/lib/clock';
import { api, count, enroll, enrollAdmin, expectError, seedCatalog } from '../helpers';
import { act, answerBody, item, mentor, mine, post, queue, setSettings } from '../mentor-helpers';

afterEach(() => {
  resetClock();
  clearSettingsCache();
});

const MIN = 60_000;

async function needToTalk(token: string, text?: string) {
  const res = await post('/v1/need-to-talk', token, { clientId: crypto.randomUUID(), ...(text ? { text } : {}) });
  expect(res.status, await res.clone().text()).toBe(201);
  return NeedToTalkCreated.parse(await res.json());
}

async function summary(token: string) {
  const res = await api('/v1/queue/summary', { token });
  expect(res.status).toBe(200);
  return InboxSummary.parse(await res.json());
}

describe('need to talk', () => {
  it('is always today and shows the organisation’s contacts at once', async () => {
    const admin = await enrollAdmin();
    await setSettings(admin, {
      employeeAssistance: 'EAP 0800 000 000 (synthetic)',
      crisisContacts: 'Chaplaincy ext 4000',
    });
    const clinician = await enroll();
    const created = await needToTalk(clinician.token, 'Rough night after a resus');
    expect(created.question).toMatchObject({ kind: 'need_to_talk', urgency: 'today', topicId: null, status: 'open' });
    expect(created.support).toEqual({
      employeeAssistance: 'EAP 0800 000 000 (synthetic)',
      crisisContacts: 'Chaplaincy ext 4000',
    });
    expect((await mine(clinician.token)).map((q) => q.id)).toContain(created.question.id);
    // A body without text is fine: asking to talk needs no explanation.
    expect((await needToTalk(clinician.token)).question.text).toBe('');
  });

  it('reaches peer supporters only: no mentor, lead or admin reads it through any endpoint', async () => {
    const { topicId } = await seedCatalog();
    const clinician = await enroll();
    const { question } = await needToTalk(clinician.token, 'Need to talk about today');
    const peer = await enroll(['peer_supporter']);
    expect((await queue(peer.token)).map((i) => i.id)).toContain(question.id);

    const mentorOnly = await mentor([topicId]);
    expect((await queue(mentorOnly.token)).map((i) => i.id)).not.toContain(question.id);
    await expectError(await api(`/v1/queue/${question.id}`, { token: mentorOnly.token }), 404, 'not_found');
    await expectError(await post(`/v1/queue/${question.id}/claim`, mentorOnly.token), 404, 'not_found');

    for (const role of ['lead', 'admin', 'clinician'] as const) {
      const s = await enroll([role]);
      await expectError(await api('/v1/queue', { token: s.token }), 403, 'forbidden');
      await expectError(await api(`/v1/queue/${question.id}`, { token: s.token }), 403, 'forbidden');
      const kb = await post('/v1/kb/search', s.token, { query: 'need to talk about today' });
      expect(JSON.stringify(await kb.json())).not.toContain(question.id);
      expect(JSON.stringify(await (await api('/v1/questions/mine', { token: s.token })).json())).not.toContain(
        question.id,
      );
    }
  });

  it('lets a peer supporter claim and answer it, and never shares it', async () => {
    const clinician = await enroll();
    const { question } = await needToTalk(clinician.token, 'Can someone call me');
    const peer = await enroll(['peer_supporter'], 'Peer Pat');
    await act(peer.token, question.id, 'claim');
    await act(peer.token, question.id, 'answer', answerBody('I will come by the ward at 3.'));
    await expectError(
      await post(`/v1/queue/${question.id}/shareable`, peer.token, { shareable: true }),
      409,
      'conflict',
    );
    await expectError(
      await post(`/v1/questions/${question.id}/consent`, clinician.token, { consent: true }),
      409,
      'conflict',
    );
    expect(await count('SELECT COUNT(*) AS n FROM kb_entries WHERE question_id = ?1', question.id)).toBe(0);
    expect((await mine(clinician.token)).find((q) => q.id === question.id)?.answers).toHaveLength(1);
  });

  it('hands off only to a named peer supporter', async () => {
    const { topicId } = await seedCatalog();
    const clinician = await enroll();
    const { question } = await needToTalk(clinician.token);
    const peer = await enroll(['peer_supporter']);
    const otherPeer = await enroll(['peer_supporter']);
    const mentorOnly = await mentor([topicId]);
    await act(peer.token, question.id, 'claim');
    const handoff = (body: Record<string, unknown>) =>
      post(`/v1/queue/${question.id}/handoff`, peer.token, { note: 'x', ...body });
    await expectError(await handoff({ topicId }), 400, 'validation_failed');
    await expectError(await handoff({ mentorId: mentorOnly.user.id }), 400, 'validation_failed');
    const res = await handoff({ mentorId: otherPeer.user.id });
    expect(res.status).toBe(200);
    expect((await item(otherPeer.token, question.id)).handedToMe).toBe(true);
  });
});

describe('alert after 30 minutes unclaimed (computed on the next poll)', () => {
  it('alerts every peer supporter, away or not, from 30 minutes until someone claims', async () => {
    const clinician = await enroll();
    const t0 = Date.now();
    setClock(() => t0);
    const { question } = await needToTalk(clinician.token);
    const peer = await enroll(['peer_supporter']);
    const awayPeer = await mentor([], { roles: ['peer_supporter'], away: true });
    const escalatedIds = async (token: string) => (await summary(token)).escalated.map((e) => e.id);

    setClock(() => t0 + 30 * MIN - 1);
    expect(await escalatedIds(peer.token)).not.toContain(question.id);
    expect((await item(peer.token, question.id)).escalated).toBe(false);

    setClock(() => t0 + 30 * MIN);
    expect(await escalatedIds(peer.token)).toContain(question.id);
    expect(await escalatedIds(awayPeer.token)).toContain(question.id);
    expect((await item(peer.token, question.id)).escalated).toBe(true);
    // Away: no routine counts, but the alert still comes.
    expect((await summary(awayPeer.token)).unclaimed).toBe(0);

    await act(peer.token, question.id, 'claim');
    expect(await escalatedIds(awayPeer.token)).not.toContain(question.id);
  });

  it('never alerts mentors who are not peer supporters', async () => {
    const { topicId } = await seedCatalog();
    const clinician = await enroll();
    const t0 = Date.now();
    setClock(() => t0);
    const { question } = await needToTalk(clinician.token);
    const m = await mentor([topicId]);
    setClock(() => t0 + 60 * MIN);
    const s = await summary(m.token);
    expect(s.escalated).toEqual([]);
    expect(s.urgent.map((u) => u.id)).not.toContain(question.id);
  });
});

describe('peer supporter role audit', () => {
  it('records every grant and removal by an admin, visible to peer supporters only', async () => {
    const admin = await enrollAdmin('Admin Ada');
    const peer = await enroll(['peer_supporter']);
    const user = await enroll(['clinician'], 'Newly Granted');
    const patch = (roles: string[]) =>
      api(`/v1/admin/users/${user.user.id}`, { method: 'PATCH', token: admin.token, body: { roles } });
    expect((await patch(['clinician', 'peer_supporter'])).status).toBe(200);
    expect((await patch(['clinician', 'peer_supporter', 'mentor'])).status).toBe(200); // no change to the role
    expect((await patch(['clinician'])).status).toBe(200);
    const res = await api('/v1/peer-support/audit', { token: peer.token });
    const entries = PeerAudit.parse(await res.json()).entries.filter((e) => e.userName === 'Newly Granted');
    expect(entries.map((e) => [e.change, e.byName])).toEqual([
      ['removed', 'Admin Ada'],
      ['granted', 'Admin Ada'],
    ]);
    for (const role of ['clinician', 'mentor', 'lead', 'admin'] as const) {
      const s = await enroll([role]);
      await expectError(await api('/v1/peer-support/audit', { token: s.token }), 403, 'forbidden');
    }
  });

  it('lists enrollment with a code carrying the role as a grant', async () => {
    const peer = await enroll(['peer_supporter'], 'Enrolled Peer');
    const res = await api('/v1/peer-support/audit', { token: peer.token });
    const entries = PeerAudit.parse(await res.json()).entries;
    expect(entries.some((e) => e.userName === 'Enrolled Peer' && e.change === 'granted')).toBe(true);
  });

  it('cannot be granted by a non-admin', async () => {
    const mentorUser = await enroll(['mentor']);
    const target = await enroll();
    await expectError(
      await api(`/v1/admin/users/${target.user.id}`, {
        method: 'PATCH',
        token: mentorUser.token,
        body: { roles: ['peer_supporter'] },
      }),
      403,
      'forbidden',
    );
  });
});
