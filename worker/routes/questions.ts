import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { findQuestionByClientId, insertQuestionOnce, listQuestionsByUser, type StoredQuestion } from '../db/questions';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { requireAuth } from '../lib/require-auth';
import { createOnce } from '../services/idempotent';
import { claimCutoff } from '../services/queue';
import { requireActiveTopic, requireDeidentifiedScreenIn } from '../services/validation';
import { register } from './register';

export const questionRoutes = new OpenAPIHono<AppEnv>();

register(questionRoutes, endpoints.createQuestion, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const toStored = (found: StoredQuestion) => ({
    item: found.question,
    bodyHash: found.bodyHash,
    sameSender: found.userId === user.id,
  });
  return createOnce(c, body, {
    find: async () => {
      const found = await findQuestionByClientId(db, body.clientId);
      return found && toStored(found);
    },
    validate: () => requireDeidentifiedScreenIn(db, body.screen),
    // The insert itself requires an active topic and reads the stored question back: one round trip.
    insert: async (bodyHash) => {
      const { created, stored } = await insertQuestionOnce(db, {
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
      });
      return { created, stored: stored && toStored(stored) };
    },
    explain: () => requireActiveTopic(db, body.topicId),
  });
});

register(questionRoutes, endpoints.myQuestions, async (c) => {
  return { questions: await listQuestionsByUser(c.env.DB, requireAuth(c).user.id, await claimCutoff(c)) };
});
