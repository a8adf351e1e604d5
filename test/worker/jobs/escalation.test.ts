import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import worker from '../../../worker/index';
import { resetClock, setClock } from '../../../worker/lib/clock';
import { QUARTER_HOUR_CRON } from '../../../worker/scheduled';
import { api, enroll, enrollAdmin, expectError, issuePaths, rows, seedCatalog } from '../helpers';
import { act, ask, mentor, queue, setSettings } from '../mentor-helpers';

const MINUTE = 60_000;

afterEach(async () => {
  resetClock();
  await setSettings(await enrollAdmin(), { fallbackTopicId: null, escalateAfterMinutes: 120 });
});

/** Runs the Worker's own scheduled handler at `at`, as the quarter-hour cron trigger would. */
async function runCron(at: number) {
  setClock(() => at);
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: QUARTER_HOUR_CRON });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

const escalations = (fallback: string) =>
  rows<{ actor_id: string | null; target: string; details: string }>(
    "SELECT actor_id, target, details FROM audit WHERE action = 'questions.escalated' AND target = ?1",
    fallback,
  );

describe('escalation to the fallback route', () => {
  it('moves questions unclaimed past the set time to the fallback route, once, and tells admins in the audit', async () => {
    const { topicId } = await seedCatalog();
    const { topicId: coordinators } = await seedCatalog();
    const admin = await enrollAdmin();
    const clinician = await enroll();
    const coordinator = await mentor([coordinators], { disciplines: ['admin'] });
    const t0 = Date.parse('2026-05-04T09:00:00Z');
    setClock(() => t0);
    const waiting = await ask(clinician.token, topicId, { disciplineWanted: 'pharmacy' });
    const claimedBy = await mentor([topicId], { disciplines: ['pharmacy'], away: false });
    const claimed = await ask(clinician.token, topicId, { disciplineWanted: 'pharmacy' });
    setClock(() => t0 + 100 * MINUTE);
    await act(claimedBy.token, claimed.id, 'claim');
    setClock(() => t0 + 91 * MINUTE);
    const young = await ask(clinician.token, topicId);
    const talk = await api('/v1/need-to-talk', { token: clinician.token, body: { clientId: crypto.randomUUID() } });
    expect(talk.status).toBe(201);

    // Without a fallback route nothing moves.
    await runCron(t0 + 121 * MINUTE);
    expect(await queue(coordinator.token)).toEqual([]);

    await setSettings(admin, { fallbackTopicId: coordinators, escalateAfterMinutes: 120 });
    await runCron(t0 + 121 * MINUTE);
    const moved = await queue(coordinator.token);
    expect(moved.map((i) => i.id)).toEqual([waiting.id]);
    expect(moved[0]).toMatchObject({
      topicId: coordinators,
      disciplineWanted: 'any',
      movedFrom: { topicId, at: new Date(t0 + 121 * MINUTE).toISOString() },
    });
    const stored = await rows('SELECT escalated_from_topic_id, escalated_at FROM questions WHERE id = ?1', waiting.id);
    expect(stored).toEqual([{ escalated_from_topic_id: topicId, escalated_at: t0 + 121 * MINUTE }]);
    const [entry, ...more] = await escalations(coordinators);
    expect(more).toEqual([]);
    expect(entry?.actor_id).toBeNull();
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({ count: 1, afterMinutes: 120 });

    // The admin reads it through the audit filter.
    const page = (await (await api('/v1/audit?action=questions.escalated', { token: admin.token })).json()) as {
      entries: { target: string; details: { count: number } }[];
    };
    expect(page.entries.find((e) => e.target === coordinators)?.details.count).toBe(1);

    // The question under an unexpired claim stays where it is.
    expect(await rows('SELECT topic_id, escalated_at FROM questions WHERE id = ?1', claimed.id)).toEqual([
      { topic_id: topicId, escalated_at: null },
    ]);

    // A later run moves what has waited long enough since (the young question, and the claimed one
    // whose claim has now expired), and nothing twice.
    await runCron(t0 + 211 * MINUTE);
    expect((await queue(coordinator.token)).map((i) => i.id).sort()).toEqual([waiting.id, young.id, claimed.id].sort());
    const entries = await escalations(coordinators);
    expect(entries.map((e) => JSON.parse(e.details).count).sort()).toEqual([1, 2]);
    await runCron(t0 + 215 * MINUTE);
    expect(await escalations(coordinators)).toHaveLength(2);
    // Need to talk has its own escalation, to every peer supporter, and never moves.
    expect(await rows("SELECT 1 FROM questions WHERE kind = 'need_to_talk' AND escalated_at IS NOT NULL")).toEqual([]);
  });

  it('moves a question whose claim has expired, and nothing while the fallback topic is retired', async () => {
    const { topicId } = await seedCatalog();
    const { topicId: coordinators } = await seedCatalog();
    const admin = await enrollAdmin();
    const clinician = await enroll();
    const m = await mentor([topicId]);
    const t0 = Date.parse('2026-05-05T09:00:00Z');
    setClock(() => t0);
    const q = await ask(clinician.token, topicId);
    await act(m.token, q.id, 'claim'); // expires after the default 60 minutes
    await setSettings(admin, { fallbackTopicId: coordinators, escalateAfterMinutes: 30 });
    await rows('UPDATE topics SET active = 0 WHERE id = ?1', coordinators);
    await runCron(t0 + 61 * MINUTE);
    expect(await rows('SELECT topic_id FROM questions WHERE id = ?1', q.id)).toEqual([{ topic_id: topicId }]);
    expect(await escalations(coordinators)).toEqual([]);
    await rows('UPDATE topics SET active = 1 WHERE id = ?1', coordinators);
    await runCron(t0 + 62 * MINUTE);
    expect(await rows('SELECT topic_id, claimed_by FROM questions WHERE id = ?1', q.id)).toEqual([
      { topic_id: coordinators, claimed_by: null },
    ]);
  });

  it('takes the fallback route and escalation time from admin settings, refusing bad ones in the one error shape', async () => {
    const { topicId } = await seedCatalog();
    const admin = await enrollAdmin();
    const patch = (body: unknown) => api('/v1/admin/settings', { method: 'PATCH', token: admin.token, body });
    const before = await (await api('/v1/admin/settings', { token: admin.token })).json();
    expect(before).toMatchObject({ fallbackTopicId: null, escalateAfterMinutes: 120 });
    expect(
      issuePaths(await expectError(await patch({ fallbackTopicId: 'topic-nobody-made' }), 400, 'validation_failed')),
    ).toEqual(['fallbackTopicId']);
    expect(
      issuePaths(
        await expectError(await patch({ fallbackTopicId: '', escalateAfterMinutes: 5 }), 400, 'validation_failed'),
      ).sort(),
    ).toEqual(['escalateAfterMinutes', 'fallbackTopicId']);
    expect(await (await api('/v1/admin/settings', { token: admin.token })).json()).toEqual(before);
    const res = await patch({ fallbackTopicId: topicId, escalateAfterMinutes: 45 });
    expect(await res.json()).toMatchObject({ fallbackTopicId: topicId, escalateAfterMinutes: 45 });
    await expectError(
      await api('/v1/admin/settings', {
        method: 'PATCH',
        token: (await enroll(['lead'])).token,
        body: { fallbackTopicId: null },
      }),
      403,
      'forbidden',
    );
  });
});
