import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { deleteOwnTip, insertTipStatement, openKbEntry, screenTips, searchKb } from '../db/kb';
import type { AppEnv } from '../env';
import { now, toIso } from '../lib/clock';
import { newId } from '../lib/crypto';
import { notFound } from '../lib/errors';
import { ftsQuery } from '../lib/fts';
import { requireAuth } from '../lib/require-auth';
import { requireActiveTopic, requireDeidentifiedScreenIn } from '../services/validation';
import { register } from './register';

/** The knowledge base: published de-identified answers, and mentors' tips for a screen. */
export const kbRoutes = new OpenAPIHono<AppEnv>();

register(kbRoutes, endpoints.kbSearch, async (c, { body }) => {
  const match = ftsQuery(body.query);
  if (!match) return { results: [] };
  return { results: await searchKb(c.env.DB, match, body.topicId ?? null, body.limit) };
});

register(kbRoutes, endpoints.screenTips, async (c, { query }) => ({
  tips: await screenTips(c.env.DB, query.host),
}));

register(kbRoutes, endpoints.kbOpen, async (c, { params }) => {
  const entry = await openKbEntry(c.env.DB, params.id, newId(), now());
  if (!entry) throw notFound('Published answer');
  return entry;
});

register(kbRoutes, endpoints.createTip, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  await requireDeidentifiedScreenIn(db, body.screen);
  if (body.topicId) await requireActiveTopic(db, body.topicId);
  const tip = {
    id: newId(),
    host: body.screen.host,
    path: body.screen.path,
    topicId: body.topicId ?? null,
    text: body.text,
    authorId: user.id,
    at: now(),
  };
  await insertTipStatement(db, tip).run();
  return { id: tip.id, kind: 'tip' as const, path: tip.path, title: null, text: tip.text, createdAt: toIso(tip.at) };
});

register(kbRoutes, endpoints.deleteTip, async (c, { params }) => {
  const { user } = requireAuth(c);
  if (!(await deleteOwnTip(c.env.DB, params.id, user.id))) throw notFound('Tip');
  return { ok: true as const };
});
