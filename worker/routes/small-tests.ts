import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { PDSA_PREVIOUS } from '../../shared/pdsa';
import { auditStatement } from '../db/audit';
import { getCoaching } from '../db/coaching';
import {
  advanceSmallTest,
  decideSmallTest,
  findSmallTestByClientId,
  getSmallTest,
  insertSmallTest,
  listSmallTests,
  listSponsors,
  reviseSmallTest,
} from '../db/small-tests';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { ApiError, conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { invalid } from '../services/validation';
import { register } from './register';

/**
 * Clinician-owned small tests: proposed from a coaching thread, approved (or sent back, or declined with
 * a reason) by the sponsoring lead, then moved through Do, Study and Act by the owner alone.
 */
export const smallTestRoutes = new OpenAPIHono<AppEnv>();

async function visible(db: D1Database, id: string, userId: string) {
  const found = await getSmallTest(db, id, userId);
  if (!found) throw notFound('Small test');
  return found;
}

register(smallTestRoutes, endpoints.listSponsors, async (c) => ({ sponsors: await listSponsors(c.env.DB) }));

register(smallTestRoutes, endpoints.proposeSmallTest, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  // A retry of the same proposal answers with it; the clientId is not reusable for anything else.
  const replay = async () => {
    const prior = await findSmallTestByClientId(db, body.clientId);
    if (!prior) return null;
    const same =
      prior.owner_id === user.id &&
      prior.coaching_question_id === params.id &&
      prior.sponsor_id === body.sponsorId &&
      prior.change_idea === body.changeIdea &&
      prior.prediction === body.prediction &&
      prior.measure === body.measure;
    if (!same) throw new ApiError(422, 'idempotency_mismatch', 'This clientId was already used for a different item');
    c.set('replayed', true);
    return visible(db, prior.id, user.id);
  };
  const earlier = await replay();
  if (earlier) return earlier;
  // Only the asker proposes from a thread: the coach coaches, but the test is the clinician's.
  if ((await getCoaching(db, params.id))?.askerId !== user.id) throw notFound('Coaching thread');
  const id = newId();
  const at = now();
  const stored = await insertSmallTest(db, {
    id,
    clientId: body.clientId,
    questionId: params.id,
    userId: user.id,
    sponsorId: body.sponsorId,
    changeIdea: body.changeIdea,
    prediction: body.prediction,
    measure: body.measure,
    at,
  });
  if (!stored) {
    // Racing retries: the one that lost the insert answers with the winner's.
    const raced = await replay();
    if (raced) return raced;
    throw invalid('sponsorId', 'The sponsor must be an active lead');
  }
  await auditStatement(db, { at, actorId: user.id, action: 'pdsa.proposed', target: id, details: {} }).run();
  return visible(db, id, user.id);
});

register(smallTestRoutes, endpoints.mySmallTests, async (c) => {
  return { tests: await listSmallTests(c.env.DB, requireAuth(c).user.id) };
});

register(smallTestRoutes, endpoints.decideSmallTest, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const current = await visible(db, params.id, user.id);
  if (current.role !== 'sponsor') throw notFound('Small test');
  if (!(await decideSmallTest(db, params.id, user.id, body.decision, body.reason ?? null))) {
    throw conflict(`This test is no longer waiting for you: it is ${current.approval}`);
  }
  await auditStatement(db, {
    at: now(),
    actorId: user.id,
    action: 'pdsa.approval',
    target: params.id,
    details: { decision: body.decision },
  }).run();
  return visible(db, params.id, user.id);
});

register(smallTestRoutes, endpoints.reviseSmallTest, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const current = await visible(db, params.id, user.id);
  if (current.role !== 'owner') throw notFound('Small test');
  if (!(await reviseSmallTest(db, params.id, user.id, body))) {
    throw conflict('Only a test your sponsor sent back for changes can be revised');
  }
  return visible(db, params.id, user.id);
});

register(smallTestRoutes, endpoints.advanceSmallTest, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const current = await visible(db, params.id, user.id);
  if (current.role !== 'owner') throw notFound('Small test');
  if (current.approval !== 'approved') throw conflict('A small test moves once your sponsor approves it');
  const at = now();
  const moved = await advanceSmallTest(db, params.id, user.id, body.stage, PDSA_PREVIOUS[body.stage], {
    notes: body.notes ?? null,
    decision: body.decision ?? null,
    result: body.result ?? null,
    at,
  });
  if (!moved) {
    throw conflict(
      `A cycle moves one stage at a time: it is at ${current.cycle.stage}, so it cannot go to ${body.stage}`,
    );
  }
  await auditStatement(db, {
    at,
    actorId: user.id,
    action: 'pdsa.advanced',
    target: params.id,
    details: { to: body.stage },
  }).run();
  return visible(db, params.id, user.id);
});
