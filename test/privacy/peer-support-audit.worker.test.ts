// Peer support exposed (issue 13 §7): clicking past the detector on "Need to talk" wrote an audit entry
// with the user's id, time and `/v1/need-to-talk`, which admins read in GET /v1/audit. Nothing admins
// or leads read may link a person to peer support.
import { afterEach, describe, expect, it } from 'vitest';
import { type AuditEntry, AuditPage } from '../../shared/audit';
import type { Session } from '../../shared/auth';
import { findIdentifiers } from '../../shared/phi';
import { NeedToTalkCreated } from '../../shared/questions';
import { resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll, enrollAdmin, seedCatalog, sha256Hex } from '../worker/helpers';
import { act, answerBody, ask, mentor, post } from '../worker/mentor-helpers';

afterEach(() => resetClock());

/** Text the detector flags (a date), with the confirmations a "Send anyway" click sends. */
async function sendAnyway(text: string) {
  const spans = findIdentifiers(text);
  expect(spans.length, text).toBeGreaterThan(0);
  const confirmedSpans = await Promise.all(
    spans.map(async (s) => ({ kind: s.kind, sha256: await sha256Hex(text.slice(s.start, s.end)) })),
  );
  return { text, confirmedSpans };
}

/** Every audit entry an admin can page through. */
async function audit(admin: Session): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const res = await api(`/v1/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`, { token: admin.token });
    expect(res.status, await res.clone().text()).toBe(200);
    const page = AuditPage.parse(await res.json());
    out.push(...page.entries);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** Entries that name any of `needles` (an id, a path) anywhere: actor, target or details. */
const naming = (entries: AuditEntry[], needles: string[]) =>
  entries.filter((e) => needles.some((n) => JSON.stringify(e).includes(n)));

async function needToTalk(token: string, body: Record<string, unknown>) {
  const res = await post('/v1/need-to-talk', token, { clientId: crypto.randomUUID(), ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return NeedToTalkCreated.parse(await res.json()).question;
}

describe('nothing admins read links a person to peer support', () => {
  it('GET /v1/audit after a need-to-talk "send anyway" holds nothing about it', async () => {
    const admin = await enrollAdmin();
    const clinician = await enroll();
    const before = new Set((await audit(admin)).map((e) => e.id));
    const question = await needToTalk(
      clinician.token,
      await sendAnyway('Rough night; the rota from 03/14/2025 broke me'),
    );
    const added = (await audit(admin)).filter((e) => !before.has(e.id));
    expect(naming(added, [clinician.user.id, question.id, 'need-to-talk'])).toEqual([]);
    expect(added.filter((e) => e.action === 'identifiers.confirmed_not_identifying' && e.actorId === null)).toEqual([]);
  });

  it('a whole peer-support thread leaves no trace in the audit, the users list or programme health', async () => {
    const admin = await enrollAdmin();
    const lead = await enroll(['lead']);
    const clinician = await enroll();
    const peer = await enroll(['peer_supporter'], 'Peer Pat');
    const t0 = Date.now();
    const snapshot = async () => {
      setClock(() => t0 + 3_600_000);
      const { users } = (await (await api('/v1/admin/users', { token: admin.token })).json()) as {
        users: Array<{ id: string }>;
      };
      const health = await (await api('/v1/programme/health', { token: lead.token })).json();
      const csv = await (await api('/v1/exports/programme.csv', { token: lead.token })).text();
      resetClock();
      return { user: users.find((u) => u.id === clinician.user.id), health, csv };
    };
    const before = await snapshot();
    const seen = new Set((await audit(admin)).map((e) => e.id));

    const question = await needToTalk(clinician.token, await sendAnyway('After the code on 03/14/2025 I cannot sleep'));
    await act(peer.token, question.id, 'claim');
    await act(peer.token, question.id, 'clarify', await sendAnyway('Was that the shift on 03/14/2025?'));
    const reply = await post(
      `/v1/questions/${question.id}/reply`,
      clinician.token,
      await sendAnyway('Yes, 03/14/2025'),
    );
    expect(reply.status, await reply.clone().text()).toBe(200);
    await act(peer.token, question.id, 'claim');
    await act(peer.token, question.id, 'answer', {
      ...answerBody(),
      ...(await sendAnyway('I will call you about 03/14/2025 tonight')),
    });
    expect((await post(`/v1/questions/${question.id}/helpful`, clinician.token, { helpful: true })).status).toBe(200);

    const added = (await audit(admin)).filter((e) => !seen.has(e.id));
    // Not even the supporter's side: a confirmation in a peer-support thread says that one happened, and when.
    expect(naming(added, [clinician.user.id, peer.user.id, question.id, 'need-to-talk', '/v1/questions/'])).toEqual([]);
    expect(added.filter((e) => e.action === 'identifiers.confirmed_not_identifying' && e.actorId === null)).toEqual([]);
    const after = await snapshot();
    expect(after.user).toBeDefined();
    expect(after).toEqual(before);
  });

  it('still audits a named "send anyway" outside peer support, a question thread included', async () => {
    const admin = await enrollAdmin();
    const clinician = await enroll();
    const flag = await post('/v1/flags', clinician.token, {
      clientId: crypto.randomUUID(),
      category: 'documentation_ehr',
      frequency: 'daily',
      minutesLost: 5,
      impact: 'delay',
      ...(await sendAnyway('The downtime policy from 03/14 is not on the intranet')),
    });
    expect(flag.status, await flag.clone().text()).toBe(201);
    const { topicId } = await seedCatalog();
    const m = await mentor([topicId]);
    const q = await ask(clinician.token, topicId);
    await act(m.token, q.id, 'claim');
    await act(m.token, q.id, 'clarify', { text: 'Which list do you mean?' });
    const reply = await post(
      `/v1/questions/${q.id}/reply`,
      clinician.token,
      await sendAnyway('The one from 03/14/2025'),
    );
    expect(reply.status, await reply.clone().text()).toBe(200);
    const mine = (await audit(admin)).filter((e) => e.actorId === clinician.user.id);
    expect(mine.map((e) => [e.action, e.target]).sort()).toEqual([
      ['identifiers.confirmed_not_identifying', '/v1/flags'],
      ['identifiers.confirmed_not_identifying', '/v1/questions/:id/reply'],
      ['user.enrolled', expect.any(String)],
    ]);
  });
});
