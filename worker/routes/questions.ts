import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { findQuestionByClientId, insertQuestionStatement, listQuestionsByUser } from '../db/questions';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { requireAuth } from '../lib/context';
import { canonicalJson, newId, sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';
import { register } from '../lib/register';
import { requireActiveTopic, requireDeidentifiedScreen } from '../lib/validation';
import { idempotencyMismatch } from './flags';

export const questionRoutes = new OpenAPIHono<AppEnv>();

register(questionRoutes, endpoints.createQuestion, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const bodyHash = await sha256Hex(canonicalJson(body));
  const existing = await findQuestionByClientId(db, body.clientId);
  if (!existing) {
    await requireActiveTopic(db, body.topicId);
    requireDeidentifiedScreen(body.screen);
    await insertQuestionStatement(db, {
      id: newId(),
      clientId: body.clientId,
      bodyHash,
      userId: user.id,
      text: body.text,
      topicId: body.topicId,
      disciplineWanted: body.disciplineWanted,
      urgency: body.urgency,
      host: body.screen?.host ?? null,
      path: body.screen?.path ?? null,
      pageTitle: body.pageTitle ?? null,
      createdAt: now(),
    }).run();
  }
  const stored = existing ?? (await findQuestionByClientId(db, body.clientId));
  if (!stored) throw new ApiError(500, 'internal', 'The question was not stored');
  if (stored.bodyHash !== bodyHash || stored.userId !== user.id) throw idempotencyMismatch();
  if (existing) c.set('replayed', true);
  return stored.question;
});

register(questionRoutes, endpoints.myQuestions, async (c) => {
  return { questions: await listQuestionsByUser(c.env.DB, requireAuth(c).user.id) };
});
