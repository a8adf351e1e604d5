import { describe, expect, it } from 'vitest';
import { Flag, FlagList, ReceiptStatusResponse } from '../../../shared/flags';
import { SimilarList, SystemHotspotList } from '../../../shared/hotspots';
import { CycleOwnerList, PdsaCycle } from '../../../shared/pdsa';
import { ProgrammeHealth } from '../../../shared/programme';
import { api, count, enroll, expectError, flagBody, issuePaths, randomSecret, rows } from '../helpers';
import { anonymousFlag, detail, flag, hourlyBatch, lead, list, screen, uniqueHost } from '../hotspots-helpers';

const patch = (token: string, id: string, body: unknown) => api(`/v1/hotspots/${id}`, { method: 'PATCH', token, body });

async function bySystem(token: string, host: string) {
  const res = await api(`/v1/hotspots/by-system?host=${host}`, { token });
  expect(res.status).toBe(200);
  return SystemHotspotList.parse(await res.json()).hotspots;
}

describe('status workflow', () => {
  it('moves one step at a time and refuses skips with 409 and going back with 400', async () => {
    const s = await enroll();
    const l = await lead();
    const id = (await flag(s.token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    let err = await expectError(await patch(l.token, id, { status: 'in_progress' }), 409, 'conflict');
    expect(err.error.details).toMatchObject({ from: 'new', to: 'in_progress', allowed: ['acknowledged'] });
    await expectError(await patch(l.token, id, { status: 'resolved' }), 409, 'conflict');
    expect((await patch(l.token, id, { status: 'acknowledged' })).status).toBe(200);
    expect((await patch(l.token, id, { status: 'acknowledged' })).status).toBe(200); // a retry changes nothing
    err = await expectError(await patch(l.token, id, { status: 'new' }), 400, 'validation_failed');
    expect(issuePaths(err)).toEqual(['status']);
    expect((await patch(l.token, id, { status: 'in_progress' })).status).toBe(200);
    expect((await patch(l.token, id, { status: 'resolved' })).status).toBe(200);
    await expectError(await patch(l.token, id, { status: 'wont_fix' }), 409, 'conflict');
    await expectError(await patch(l.token, id, { status: 'done' }), 400, 'validation_failed');
    await expectError(await patch(l.token, id, {}), 400, 'validation_failed');
    await expectError(await patch(l.token, id, { status: 'resolved', ownerId: 'x' }), 400, 'validation_failed');
    expect(
      await count("SELECT COUNT(*) AS n FROM audit WHERE action = 'hotspot.status_changed' AND target = ?1", id),
    ).toBe(3);
  });

  it('allows won’t fix after acknowledging', async () => {
    const s = await enroll();
    const l = await lead();
    const id = (await flag(s.token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    await expectError(await patch(l.token, id, { status: 'wont_fix' }), 409, 'conflict');
    await patch(l.token, id, { status: 'acknowledged' });
    expect((await patch(l.token, id, { status: 'wont_fix' })).status).toBe(200);
  });

  it('refuses a response holding identifiers with 422 and spans', async () => {
    const s = await enroll();
    const l = await lead();
    const id = (await flag(s.token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    const err = await expectError(
      await patch(l.token, id, { response: 'Fixed for MRN 00482913 first' }),
      422,
      'identifiers_found',
    );
    expect(JSON.stringify(err.error.details)).toContain('spans');
    expect((await detail(l.token, id)).response).toBeNull();
  });
});

describe('closing the loop with every reporter', () => {
  it('shows status and response to named reporters, anonymous ones by receipt, and everyone on the screen', async () => {
    const host = uniqueHost();
    const named = await enroll();
    const anon = await enroll();
    const bystander = await enroll();
    const l = await lead();
    const f = await flag(named.token, { screen: screen(host) });
    const { secret } = await anonymousFlag(anon.token, { screen: screen(host) });
    await hourlyBatch();
    const id = f.hotspotId ?? '';

    const before = await bySystem(bystander.token, host);
    expect(before).toEqual([expect.objectContaining({ id, status: 'new', response: null, reporterCount: null })]);

    await patch(l.token, id, { status: 'acknowledged' });
    const res = await patch(l.token, id, { status: 'in_progress', response: 'We are shortening the timeout' });
    expect(res.status).toBe(200);

    const mine = FlagList.parse(await (await api('/v1/flags/mine', { token: named.token })).json());
    expect(mine.flags[0]).toMatchObject({
      status: 'in_progress',
      response: 'We are shortening the timeout',
      hotspotId: id,
    });
    expect(mine.flags[0]?.respondedAt).toBeTruthy();
    const receipt = ReceiptStatusResponse.parse(
      await (await api('/v1/receipts/status', { body: { secrets: [secret] } })).json(),
    );
    expect(receipt.flags[0]).toMatchObject({ status: 'in_progress', response: 'We are shortening the timeout' });
    // When the response was given: the extension notifies each new response once by it, named or anonymous.
    expect(receipt.flags[0]?.respondedAt).toBe(mine.flags[0]?.respondedAt);
    // Asked by receipt alone: a secret nobody sent finds nothing, and says nothing of the others asked with it.
    const mixed = ReceiptStatusResponse.parse(
      await (await api('/v1/receipts/status', { body: { secrets: [randomSecret(), secret] } })).json(),
    );
    expect(mixed.flags.map((x) => x?.id ?? null)).toEqual([null, receipt.flags[0]?.id]);
    const seen = await bySystem(bystander.token, host);
    expect(seen[0]).toMatchObject({
      status: 'in_progress',
      response: 'We are shortening the timeout',
      path: '/medrec/:id',
    });
  });

  it('refuses a host that is not one with 400', async () => {
    const s = await enroll();
    await expectError(
      await api('/v1/hotspots/by-system?host=NOT%20A%20HOST', { token: s.token }),
      400,
      'validation_failed',
    );
  });
});

describe('me too', () => {
  it('adds a named or anonymous flag to the hotspot, once per clientId', async () => {
    const host = uniqueHost();
    const first = await enroll();
    const other = await enroll();
    const l = await lead();
    const id = (await flag(first.token, { screen: screen(host), frequency: 'once', minutesLost: 5 })).hotspotId ?? '';
    const body = { clientId: crypto.randomUUID(), minutesLost: 3, frequency: 'daily', comment: 'Same here' };
    const res = await api(`/v1/hotspots/${id}/me-too`, { token: other.token, body });
    expect(res.status).toBe(201);
    const meToo = Flag.parse(await res.json());
    expect(meToo).toMatchObject({
      hotspotId: id,
      text: 'Same here',
      screen: screen(host),
      category: 'documentation_ehr',
    });
    expect((await api(`/v1/hotspots/${id}/me-too`, { token: other.token, body })).status).toBe(200);
    const anon = await api(`/v1/hotspots/${id}/me-too`, {
      token: other.token,
      body: { clientId: crypto.randomUUID(), anonymous: true, receiptSecret: randomSecret() },
    });
    expect(anon.status).toBe(201);
    expect(Flag.parse(await anon.json())).toMatchObject({ anonymous: true, text: 'Me too', unitId: null });
    await hourlyBatch();
    expect(await detail(l.token, id)).toMatchObject({ flagCount: 3, reporterCount: 3, minutesPerWeek: 20 });
  });

  it('refuses an unknown hotspot with 404 and an anonymous me-too without a receipt with 400', async () => {
    const s = await enroll();
    const body = { clientId: crypto.randomUUID() };
    await expectError(await api('/v1/hotspots/abcdefabcdef/me-too', { token: s.token, body }), 404, 'not_found');
    const id = (await flag(s.token, { screen: screen(uniqueHost()) })).hotspotId ?? '';
    const err = await expectError(
      await api(`/v1/hotspots/${id}/me-too`, { token: s.token, body: { ...body, anonymous: true } }),
      400,
      'validation_failed',
    );
    expect(issuePaths(err)).toContain('receiptSecret');
  });
});

describe('similar flags while typing', () => {
  it('suggests hotspots on the same system by their public title and screen, k named reporters each', async () => {
    const host = uniqueHost();
    const reporters = [await enroll(), await enroll(), await enroll()];
    let hit = '';
    for (const r of reporters) {
      hit = (await flag(r.token, { screen: screen(host, '/medrec/reconcile'), text: 'Times out before saving' }))
        .hotspotId as string;
      await flag(r.token, { screen: screen(host, '/orders'), text: 'Printer jams on the label station' });
      await flag(r.token, { screen: screen(uniqueHost(), '/medrec/reconcile'), text: 'Times out' });
    }
    const s = await enroll();
    const res = await api('/v1/flags/similar', {
      token: s.token,
      body: { host, text: 'the medrec reconcile page timed out again' },
    });
    expect(res.status).toBe(200);
    const { hotspots } = SimilarList.parse(await res.json());
    expect(hotspots.map((h) => h.id)).toEqual([hit]);
    expect(JSON.stringify(hotspots)).not.toContain('before saving');
  });

  it('refuses identifiers in the draft with 422', async () => {
    const s = await enroll();
    const res = await api('/v1/flags/similar', {
      token: s.token,
      body: { host: uniqueHost(), text: 'MRN 00482913 again' },
    });
    await expectError(res, 422, 'identifiers_found');
  });
});

describe('withdrawing', () => {
  it('takes my named flag out of every count, and answers 404 for someone else’s', async () => {
    const host = uniqueHost();
    const me = await enroll();
    const other = await enroll();
    const l = await lead();
    const mine = await flag(me.token, { screen: screen(host), frequency: 'once', minutesLost: 7 });
    await flag(other.token, { screen: screen(host), frequency: 'once', minutesLost: 1 });
    const id = mine.hotspotId ?? '';
    const notMine = await api(`/v1/flags/${mine.id}/withdraw`, { token: other.token, method: 'POST' });
    const unknown = await api('/v1/flags/abcdefabcdef/withdraw', { token: other.token, method: 'POST' });
    const a = await expectError(notMine, 404, 'not_found');
    const b = await expectError(unknown, 404, 'not_found');
    expect(a).toEqual(b);

    const res = await api(`/v1/flags/${mine.id}/withdraw`, { token: me.token, method: 'POST' });
    expect(res.status).toBe(200);
    expect(Flag.parse(await res.json())).toMatchObject({ id: mine.id, withdrawn: true });
    expect((await api(`/v1/flags/${mine.id}/withdraw`, { token: me.token, method: 'POST' })).status).toBe(200);
    expect(await detail(l.token, id)).toMatchObject({ flagCount: 1, reporterCount: 1, minutesPerWeek: 1 });
  });

  it('withdraws an anonymous flag by its receipt, and refuses my anonymous flag by id', async () => {
    const host = uniqueHost();
    const s = await enroll();
    const l = await lead();
    const { flag: f, secret } = await anonymousFlag(s.token, { screen: screen(host) });
    await expectError(await api(`/v1/flags/${f.id}/withdraw`, { token: s.token, method: 'POST' }), 404, 'not_found');
    await expectError(await api('/v1/receipts/withdraw', { body: { secret: randomSecret() } }), 404, 'not_found');
    const res = await api('/v1/receipts/withdraw', { body: { secret } });
    expect(res.status).toBe(200);
    expect(Flag.parse(await res.json()).withdrawn).toBe(true);
    // Withdrawn while it waited for the hourly batch: the batch drops it and makes no hotspot for it.
    await hourlyBatch();
    expect(await rows('SELECT id FROM hotspots WHERE host = ?1', host)).toEqual([]);
    expect((await list(l.token, {})).hotspots.map((h) => h.screen?.host)).not.toContain(host);
  });
});

describe('PDSA cycles', () => {
  async function setup() {
    const s = await enroll();
    const l = await lead();
    const mentor = await enroll(['mentor'], 'Mentor Owner');
    const where = screen(uniqueHost());
    const id = (await flag(s.token, { screen: where })).hotspotId ?? '';
    return { s, l, mentor, id, where };
  }
  const plan = { changeIdea: 'Autosave every minute', prediction: 'Fewer lost notes', measure: 'Flags per week' };

  it('moves plan → do → study → act one stage at a time, and reporters see the progress', async () => {
    const { s, l, id, where } = await setup();
    const res = await api(`/v1/hotspots/${id}/cycles`, {
      token: l.token,
      body: { ...plan, clientId: crypto.randomUUID() },
    });
    expect(res.status).toBe(201);
    const cycle = PdsaCycle.parse(await res.json());
    expect(cycle).toMatchObject({ stage: 'plan', ownerId: l.user.id, ownerName: 'Lead Person', decision: null });
    const advance = (body: unknown) => api(`/v1/cycles/${cycle.id}/advance`, { token: l.token, body });
    await expectError(await advance({ stage: 'study', notes: 'skipped' }), 409, 'conflict');
    await expectError(await advance({ stage: 'act', decision: 'adopt' }), 409, 'conflict');
    expect((await advance({ stage: 'do', notes: 'Turned on for ward 3' })).status).toBe(200);
    await expectError(await advance({ stage: 'study' }), 400, 'validation_failed');
    expect((await advance({ stage: 'study', notes: 'Half as many flags' })).status).toBe(200);
    await expectError(await advance({ stage: 'act' }), 400, 'validation_failed');
    const acted = await advance({ stage: 'act', decision: 'adopt' });
    expect(PdsaCycle.parse(await acted.json())).toMatchObject({
      stage: 'act',
      decision: 'adopt',
      doNotes: 'Turned on for ward 3',
    });
    await expectError(await advance({ stage: 'act', decision: 'abandon' }), 409, 'conflict');

    const mine = FlagList.parse(await (await api('/v1/flags/mine', { token: s.token })).json());
    expect(mine.flags[0]?.cycles).toEqual([
      // A lead's own cycle has no result sentence: that is written by a clinician owner at Act.
      { id: cycle.id, stage: 'act', changeIdea: plan.changeIdea, decision: 'adopt', result: null },
    ]);
    expect((await detail(l.token, id)).cycles).toHaveLength(1);
    // A new flag on the same screen hears of the change in its own answer, and so does its retry.
    const later = flagBody({ screen: where });
    for (const status of [201, 200]) {
      const sent = await api('/v1/flags', { token: s.token, body: later });
      expect(sent.status).toBe(status);
      expect(Flag.parse(await sent.json())).toMatchObject({
        hotspotId: id,
        cycles: [{ id: cycle.id, stage: 'act', changeIdea: plan.changeIdea, decision: 'adopt' }],
      });
    }
    const health = ProgrammeHealth.parse(await (await api('/v1/programme/health', { token: l.token })).json());
    expect(health.loop.changed).toBeGreaterThan(0);
  });

  it('lets a mentor own and advance a cycle, hides others’ cycles from mentors, refuses clinician owners', async () => {
    const { s, l, mentor, id } = await setup();
    const err = await expectError(
      await api(`/v1/hotspots/${id}/cycles`, {
        token: l.token,
        body: { ...plan, clientId: crypto.randomUUID(), ownerId: s.user.id },
      }),
      400,
      'validation_failed',
    );
    expect(issuePaths(err)).toEqual(['ownerId']);
    const owned = PdsaCycle.parse(
      await (
        await api(`/v1/hotspots/${id}/cycles`, {
          token: l.token,
          body: { ...plan, clientId: crypto.randomUUID(), ownerId: mentor.user.id },
        })
      ).json(),
    );
    expect(owned.ownerName).toBe('Mentor Owner');
    const other = PdsaCycle.parse(
      await (
        await api(`/v1/hotspots/${id}/cycles`, { token: l.token, body: { ...plan, clientId: crypto.randomUUID() } })
      ).json(),
    );
    expect((await api(`/v1/cycles/${owned.id}/advance`, { token: mentor.token, body: { stage: 'do' } })).status).toBe(
      200,
    );
    await expectError(
      await api(`/v1/cycles/${other.id}/advance`, { token: mentor.token, body: { stage: 'do' } }),
      404,
      'not_found',
    );
    await expectError(
      await api(`/v1/hotspots/${id}/cycles`, { token: mentor.token, body: { ...plan, clientId: crypto.randomUUID() } }),
      403,
      'forbidden',
    );
  });

  it('lists who may own a cycle, by name: active leads and mentors, never clinicians', async () => {
    const { s, l, mentor } = await setup();
    const res = await api('/v1/cycle-owners', { token: l.token });
    expect(res.status).toBe(200);
    const { owners } = CycleOwnerList.parse(await res.json());
    const ids = owners.map((o) => o.id);
    expect(ids).toContain(l.user.id);
    expect(owners.find((o) => o.id === mentor.user.id)).toEqual({
      id: mentor.user.id,
      displayName: 'Mentor Owner',
      lead: false,
      mentor: true,
    });
    expect(ids).not.toContain(s.user.id);
  });

  it('makes one cycle per clientId: a double click or a retry gets the same cycle back', async () => {
    const { l, id } = await setup();
    const body = { ...plan, clientId: crypto.randomUUID() };
    // Two at once, as a double click sends them.
    const [a, b] = await Promise.all([
      api(`/v1/hotspots/${id}/cycles`, { token: l.token, body }),
      api(`/v1/hotspots/${id}/cycles`, { token: l.token, body }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [first, second] = [PdsaCycle.parse(await a.json()), PdsaCycle.parse(await b.json())];
    expect(second.id).toBe(first.id);
    expect((await detail(l.token, id)).cycles).toHaveLength(1);
    expect(await count("SELECT COUNT(*) AS n FROM audit WHERE action = 'pdsa.created' AND target = ?1", first.id)).toBe(
      1,
    );
    // The same clientId for a different cycle, or from another lead, is refused.
    await expectError(
      await api(`/v1/hotspots/${id}/cycles`, { token: l.token, body: { ...body, measure: 'Something else' } }),
      422,
      'idempotency_mismatch',
    );
    const other = await lead();
    await expectError(
      await api(`/v1/hotspots/${id}/cycles`, { token: other.token, body }),
      422,
      'idempotency_mismatch',
    );
    await expectError(await api(`/v1/hotspots/${id}/cycles`, { token: l.token, body: plan }), 400, 'validation_failed');
  });
});

describe('programme health', () => {
  it('reports loop shares, weeks, targets and deflections', async () => {
    const l = await lead();
    const res = await api('/v1/programme/health', { token: l.token });
    expect(res.status).toBe(200);
    const h = ProgrammeHealth.parse(await res.json());
    expect(h.flagsPerWeek).toHaveLength(12);
    expect(h.questionsPerWeek).toHaveLength(12);
    expect(h.loopTarget).toBe(0.7);
    expect(h.kbDeflections).toBe(0);
    await expectError(
      await api('/v1/programme/health?from=2026-03-01&to=2026-02-01', { token: l.token }),
      400,
      'validation_failed',
    );
  });
});
