import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { findThanksByClientId, insertThanksOnce, listThanksSent, mentorImpact, thanksState } from '../db/recognition';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createOnce } from '../services/idempotent';
import { register } from './register';

/** "This helped": the asker thanks the mentors who answered; a mentor sees their own impact, never a ranking. */
export const recognitionRoutes = new OpenAPIHono<AppEnv>();

register(recognitionRoutes, endpoints.thankMentor, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const toStored = (found: NonNullable<Awaited<ReturnType<typeof findThanksByClientId>>>) => ({
    item: found.thanks,
    bodyHash: found.bodyHash,
    // A clientId names one thank-you: the same one for another question is a different item.
    sameSender: found.userId === user.id && found.questionId === params.id,
  });
  return createOnce(c, body, {
    find: async () => {
      const found = await findThanksByClientId(db, body.clientId);
      return found && toStored(found);
    },
    validate: async () => {},
    insert: async (bodyHash) => {
      const { created, stored } = await insertThanksOnce(db, {
        id: newId(),
        clientId: body.clientId,
        bodyHash,
        questionId: params.id,
        userId: user.id,
        text: body.text,
        at: now(),
      });
      return { created, stored: stored && toStored(stored) };
    },
    explain: async () => {
      const state = await thanksState(db, user.id, params.id);
      if (state === 'missing') throw notFound('Question');
      if (state === 'unanswered') throw conflict('You can say thank you once your question has an answer');
      if (state === 'already') throw conflict('You have already thanked your mentor for this answer');
    },
  });
});

register(recognitionRoutes, endpoints.myThanksSent, async (c) => {
  return { thanks: await listThanksSent(c.env.DB, requireAuth(c).user.id) };
});

register(recognitionRoutes, endpoints.myImpact, async (c) => {
  return mentorImpact(c.env.DB, requireAuth(c).user.id);
});
