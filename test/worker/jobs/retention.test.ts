/// <reference types="vite/client" />
import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, describe, expect, it } from 'vitest';
import { Flag } from '../../../shared/flags';
import { Question } from '../../../shared/questions';
import worker from '../../../worker/index';
import { DAY, resetClock, setClock } from '../../../worker/lib/clock';
import {
  api,
  enroll,
  enrollAdmin,
  flagBody,
  questionBody,
  randomSecret,
  rows,
  seedCatalog,
  sha256Hex,
} from '../helpers';
import { rollupBatch } from '../hotspots-helpers';

afterEach(() => resetClock());

const post = (path: string, token: string, body: unknown = {}) => api(path, { method: 'POST', token, body });

/** Runs the Worker's own scheduled handler, as the cron trigger would. */
async function runCron(at: number) {
  setClock(() => at);
  const controller = createScheduledController({ scheduledTime: new Date(at), cron: '17 3 * * *' });
  const ctx = createExecutionContext();
  await worker.scheduled(controller, env, ctx);
  await waitOnExecutionContext(ctx);
}

async function ok(res: Response, status = 200) {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.json();
}

/** A year-old world: named, anonymous and me-too flags; an answered, clarified, published question. */
async function oldWorld(at: number) {
  setClock(() => at);
  const { topicId } = await seedCatalog();
  const clinician = await enroll(['clinician'], 'Old Reporter');
  const other = await enroll(['clinician'], 'Old Colleague');
  const mentor = await enroll(['mentor'], 'Old Mentor');
  await ok(
    await api('/v1/mentors/me', {
      method: 'PUT',
      token: mentor.token,
      body: { topicIds: [topicId], disciplines: [], weeklyCapacity: 5, away: false },
    }),
  );
  const host = `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
  const screen = { host, path: '/medrec/:id' };
  const named = Flag.parse(
    await ok(
      await api('/v1/flags', {
        token: clinician.token,
        body: flagBody({ screen, idea: 'Autosave every 30 seconds', pageTitle: 'Medication reconciliation' }),
      }),
      201,
    ),
  );
  // The minute's rollup batch counts it: its hotspot exists from here on.
  await rollupBatch();
  const [{ hotspot_id: hotspotId }] = (await rows<{ hotspot_id: string }>(
    'SELECT hotspot_id FROM flags WHERE id = ?1',
    named.id,
  )) as [{ hotspot_id: string }];
  const anon = Flag.parse(
    await ok(
      await api('/v1/flags', {
        token: other.token,
        body: flagBody({ screen, anonymous: true, receiptSecret: randomSecret() }),
      }),
      201,
    ),
  );
  const meToo = Flag.parse(
    await ok(
      await post(`/v1/hotspots/${hotspotId}/me-too`, other.token, {
        clientId: crypto.randomUUID(),
        comment: 'Same on nights, the save button greys out',
        minutesLost: 4,
      }),
      201,
    ),
  );
  const question = Question.parse(
    await ok(await api('/v1/questions', { token: clinician.token, body: questionBody(topicId) }), 201),
  );
  await ok(await post(`/v1/queue/${question.id}/claim`, mentor.token));
  await ok(await post(`/v1/queue/${question.id}/clarify`, mentor.token, { text: 'Which list do you see as stale?' }));
  await ok(await post(`/v1/questions/${question.id}/reply`, clinician.token, { text: 'The outside pharmacy list' }));
  await ok(
    await post(`/v1/queue/${question.id}/answer`, mentor.token, {
      clientId: crypto.randomUUID(),
      text: 'Refresh the external history first, then reconcile.',
    }),
  );
  await ok(await post(`/v1/questions/${question.id}/consent`, clinician.token, { consent: true }));
  await ok(await post(`/v1/queue/${question.id}/shareable`, mentor.token, { shareable: true }));
  return { clinician, mentor, named, anon, meToo, question, hotspotId };
}

const aggregates = (hotspotId: string) =>
  Promise.all([
    rows('SELECT * FROM hotspots WHERE id = ?1', hotspotId),
    rows('SELECT * FROM hotspot_weeks WHERE hotspot_id = ?1 ORDER BY week', hotspotId),
    rows('SELECT * FROM unit_reporters WHERE hotspot_id = ?1 ORDER BY reporter_key, unit_key, week', hotspotId),
    rows(
      'SELECT f.category, f.frequency, f.minutes_lost, f.impact, f.host, f.path, f.anonymous, f.status FROM flags f WHERE f.hotspot_id = ?1 ORDER BY f.id',
      hotspotId,
    ),
  ]);

describe('retention: the scheduled handler clears old free text', () => {
  it('clears flags and questions older than 365 days, keeping aggregates and the consented KB copy', async () => {
    const now = Date.now();
    const old = await oldWorld(now - 400 * DAY);
    setClock(() => now - 10 * DAY);
    // The year-old session has long expired: the same person signs in again on a new device.
    const clinician = { token: randomSecret() };
    await env.DB.prepare('INSERT INTO tokens (hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(await sha256Hex(clinician.token), old.clinician.user.id, now - 10 * DAY, now + 80 * DAY)
      .run();
    const recent = Flag.parse(await ok(await api('/v1/flags', { token: clinician.token, body: flagBody() }), 201));

    const kbBefore = await rows('SELECT * FROM kb_entries WHERE question_id = ?1', old.question.id);
    expect(kbBefore).toHaveLength(1);
    const kbFtsBefore = await rows('SELECT * FROM kb_fts');
    const aggregatesBefore = await aggregates(old.hotspotId);

    await runCron(now);

    for (const id of [old.named.id, old.anon.id, old.meToo.id]) {
      const [f] = await rows<{ text: string; idea: string | null; page_title: string | null }>(
        'SELECT text, idea, page_title FROM flags WHERE id = ?1',
        id,
      );
      expect(f, id).toEqual({ text: '', idea: null, page_title: null });
    }
    const [q] = await rows<{ text: string; page_title: string | null }>(
      'SELECT text, page_title FROM questions WHERE id = ?1',
      old.question.id,
    );
    expect(q).toEqual({ text: '', page_title: null });
    for (const table of ['answers', 'question_messages']) {
      const texts = await rows<{ text: string }>(`SELECT text FROM ${table} WHERE question_id = ?1`, old.question.id);
      expect(texts.length, table).toBeGreaterThan(0);
      for (const t of texts) expect(t.text, table).toBe('');
    }

    // Kept: the recent flag, every aggregate, the consented de-identified copy and its search index.
    expect((await rows('SELECT text FROM flags WHERE id = ?1', recent.id))[0]).toEqual({ text: recent.text });
    expect(await aggregates(old.hotspotId)).toEqual(aggregatesBefore);
    expect(await rows('SELECT * FROM kb_entries WHERE question_id = ?1', old.question.id)).toEqual(kbBefore);
    expect(await rows('SELECT * FROM kb_fts')).toEqual(kbFtsBefore);

    // The API still answers with the cleared items.
    const mine = (await ok(await api('/v1/flags/mine', { token: clinician.token }))) as { flags: Flag[] };
    expect(mine.flags.find((f) => f.id === old.named.id)?.text).toBe('');
    const questions = (await ok(await api('/v1/questions/mine', { token: clinician.token }))) as {
      questions: Question[];
    };
    expect(questions.questions.find((x) => x.id === old.question.id)?.text).toBe('');

    // Audited with counts only.
    const [entry] = await rows<{ actor_id: string | null; details: string; at: number }>(
      "SELECT actor_id, details, at FROM audit WHERE action = 'retention.cleared_free_text' ORDER BY at DESC LIMIT 1",
    );
    expect(entry?.actor_id).toBeNull();
    const details = JSON.parse(entry?.details ?? '{}');
    expect(details).toMatchObject({ retentionDays: 365, flags: 3, questions: 1, answers: 1, messages: 2 });
    expect(entry?.details).not.toMatch(/Med rec|reconcile|pharmacy/i);
  });

  it('keeps the published copy as it was when a cleared question is published again', async () => {
    const now = Date.now();
    const old = await oldWorld(now - 400 * DAY);
    await runCron(now);
    const kbBefore = await rows('SELECT * FROM kb_entries WHERE question_id = ?1', old.question.id);
    const kbFtsBefore = await rows('SELECT * FROM kb_fts');
    expect(kbBefore).toHaveLength(1);

    // The mentor, signed in again, marks the answer shareable once more: publishing runs again.
    const mentor = randomSecret();
    await env.DB.prepare('INSERT INTO tokens (hash, user_id, created_at, expires_at) VALUES (?1, ?2, ?3, ?4)')
      .bind(await sha256Hex(mentor), old.mentor.user.id, now, now + 80 * DAY)
      .run();
    await ok(await post(`/v1/queue/${old.question.id}/shareable`, mentor, { shareable: true }));

    expect(await rows('SELECT * FROM kb_entries WHERE question_id = ?1', old.question.id)).toEqual(kbBefore);
    expect(await rows('SELECT * FROM kb_fts')).toEqual(kbFtsBefore);
  });

  it('changes nothing and audits nothing when run again', async () => {
    const now = Date.now();
    await oldWorld(now - 500 * DAY);
    await runCron(now);
    const snapshot = await Promise.all([rows('SELECT * FROM flags'), rows('SELECT * FROM questions')]);
    const audits = await rows("SELECT id FROM audit WHERE action = 'retention.cleared_free_text'");
    await runCron(now + DAY);
    expect(await Promise.all([rows('SELECT * FROM flags'), rows('SELECT * FROM questions')])).toEqual(snapshot);
    expect(await rows("SELECT id FROM audit WHERE action = 'retention.cleared_free_text'")).toEqual(audits);
  });

  it('follows the retentionDays setting, to the boundary', async () => {
    const now = Date.now();
    const admin = await enrollAdmin();
    const s = await enroll();
    setClock(() => now - 40 * DAY);
    const older = Flag.parse(await ok(await api('/v1/flags', { token: s.token, body: flagBody() }), 201));
    setClock(() => now - 30 * DAY + 60_000);
    const younger = Flag.parse(await ok(await api('/v1/flags', { token: s.token, body: flagBody() }), 201));
    setClock(() => now);
    await ok(await api('/v1/admin/settings', { method: 'PATCH', token: admin.token, body: { retentionDays: 30 } }));
    try {
      await runCron(now);
      expect((await rows('SELECT text FROM flags WHERE id = ?1', older.id))[0]).toEqual({ text: '' });
      expect((await rows('SELECT text FROM flags WHERE id = ?1', younger.id))[0]).toEqual({ text: younger.text });
    } finally {
      await api('/v1/admin/settings', { method: 'PATCH', token: admin.token, body: { retentionDays: 365 } });
    }
  });

  it('is wired to a cron trigger in every deployed environment', async () => {
    const config = import.meta.glob('../../../wrangler.jsonc', {
      query: '?raw',
      import: 'default',
      eager: true,
    }) as Record<string, string>;
    const text = Object.values(config)[0] ?? '';
    expect(text.match(/"crons":\s*\["17 3 \* \* \*"[^\]]*\]/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
