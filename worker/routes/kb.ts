import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { deleteOwnTip, findTipByClientId, insertTipStatement, openKbEntry, screenTips, searchKb } from '../db/kb';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { notFound } from '../lib/errors';
import { ftsQuery } from '../lib/fts';
import { requireAuth } from '../lib/require-auth';
import { createOnce } from '../services/idempotent';
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
  tips: await screenTips(c.env.DB, query.host, requireAuth(c).user.id),
}));

register(kbRoutes, endpoints.kbOpen, async (c, { params }) => {
  const entry = await openKbEntry(c.env.DB, params.id, newId(), now());
  if (!entry) throw notFound('Published answer');
  return entry;
});

// Created once per clientId (services/idempotent.ts): a double click on "Add tip" makes one tip.
register(kbRoutes, endpoints.createTip, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  return createOnce(c, body, {
    find: async () => {
      const found = await findTipByClientId(db, body.clientId);
      return found && { item: found.tip, bodyHash: found.bodyHash, sameSender: found.authorId === user.id };
    },
    validate: async () => {
      await requireDeidentifiedScreenIn(c.env, body.screen);
      if (body.topicId) await requireActiveTopic(db, body.topicId);
    },
    insert: async (bodyHash) => {
      const { meta } = await insertTipStatement(db, {
        id: newId(),
        clientId: body.clientId,
        bodyHash,
        host: body.screen.host,
        path: body.screen.path,
        topicId: body.topicId ?? null,
        text: body.text,
        authorId: user.id,
        at: now(),
      }).run();
      return meta.changes;
    },
  });
});

register(kbRoutes, endpoints.deleteTip, async (c, { params }) => {
  const { user } = requireAuth(c);
  if (!(await deleteOwnTip(c.env.DB, params.id, user.id))) throw notFound('Tip');
  return { ok: true as const };
});
