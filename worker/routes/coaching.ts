import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import {
  coachingRefusal,
  findCoachingByClientId,
  getCoaching,
  insertCoaching,
  listOwnCoaching,
  saveCard,
} from '../db/coaching';
import { getOwnQuestion } from '../db/questions';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { ApiError, conflict, forbidden, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { coachingFor } from '../services/coaching';
import { createOnce } from '../services/idempotent';
import { claimCutoffNow } from '../services/queue';
import { register } from './register';

/**
 * "Help me shape this": coaching on a named flag, as a question on the coaching topic (so the queue's
 * routing, claims, SLA and hand-offs apply), with a framing card asker and coach both edit.
 */
export const coachingRoutes = new OpenAPIHono<AppEnv>();

register(coachingRoutes, endpoints.askForCoaching, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoffNow(c);
  const created = async (questionId: string) => {
    const [question, coaching] = await Promise.all([
      getOwnQuestion(db, user.id, questionId, cutoff),
      getCoaching(db, questionId),
    ]);
    if (!question || !coaching) throw new ApiError(500, 'internal', 'The coaching thread was not stored');
    return { question, coaching: { ...coaching.coaching, canEdit: true } };
  };
  const find = async () => {
    const found = await findCoachingByClientId(db, body.clientId);
    if (!found) return null;
    return {
      item: found,
      bodyHash: found.bodyHash,
      // A clientId names one request: the same one for another flag is a different item.
      sameSender: found.userId === user.id && found.flagId === params.id,
    };
  };
  const stored = await createOnce(c, body, {
    find,
    validate: async () => {},
    insert: async (bodyHash) => {
      const inserted = await insertCoaching(db, {
        questionId: newId(),
        clientId: body.clientId,
        bodyHash,
        userId: user.id,
        flagId: params.id,
        text: body.text,
        urgency: body.urgency,
        at: now(),
      });
      return { created: inserted, stored: await find() };
    },
    explain: async () => {
      const why = await coachingRefusal(db, user.id, params.id);
      if (why === 'no_flag') throw notFound('Flag');
      if (why === 'already') throw conflict('This flag already has a coaching thread: it is in My items');
      if (why === 'no_topic') throw conflict('Improvement coaching is not offered at the moment');
    },
  });
  return created(stored.questionId);
});

register(coachingRoutes, endpoints.myCoaching, async (c) => {
  const mine = await listOwnCoaching(c.env.DB, requireAuth(c).user.id);
  return { coaching: mine.map((s) => ({ ...s.coaching, canEdit: true })) };
});

register(coachingRoutes, endpoints.coaching, async (c, { params }) => coachingFor(c, params.id));

register(coachingRoutes, endpoints.saveFramingCard, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const current = await coachingFor(c, params.id);
  if (!current.canEdit) throw forbidden('Only the asker and the mentor holding the question edit the card');
  const card = {
    problem: body.problem ?? '',
    affects: body.affects ?? '',
    patients: body.patients ?? '',
    measure: body.measure ?? '',
    smallestTest: body.smallestTest ?? '',
  };
  if (!(await saveCard(c.env.DB, params.id, body.revision, card, user.id, now()))) {
    const latest = await coachingFor(c, params.id);
    throw conflict('Someone saved the card since you opened it: here is their version', { card: latest.card });
  }
  return coachingFor(c, params.id);
});
