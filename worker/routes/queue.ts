import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { publicationSource } from '../db/kb';
import { handOffTarget, isAway } from '../db/mentors';
import {
  answerStatements,
  claimStatement,
  clarifyStatements,
  closeStatement,
  findAnswerByClientId,
  handOffStatements,
  releaseStatement,
  shareableStatement,
  type Viewer,
} from '../db/queue';
import type { AppEnv } from '../env';
import { newId } from '../lib/crypto';
import { ApiError, notFound } from '../lib/errors';
import {
  getQueueItem,
  identifiersIn,
  identifiersRemain,
  itemFor,
  listQueue,
  queueSummary,
  refusal,
  syncPublication,
  viewerFor,
} from '../services/queue';
import { invalid, requireActiveTopic } from '../services/validation';
import { register } from './register';

export const queueRoutes = new OpenAPIHono<AppEnv>();

const changed = (result: D1Result | undefined) => (result?.results.length ?? 0) > 0;

async function run(statement: D1PreparedStatement) {
  return changed(await statement.all());
}

register(queueRoutes, endpoints.queue, async (c, { query }) => {
  const v = await viewerFor(c);
  return { items: await listQueue(c.env.DB, v, query) };
});

// Registered before /v1/queue/{id}, which would otherwise take "summary" for an id.
register(queueRoutes, endpoints.queueSummary, async (c) => {
  const v = await viewerFor(c);
  return queueSummary(c.env.DB, v, await isAway(c.env.DB, v.userId));
});

register(queueRoutes, endpoints.queueItem, async (c, { params }) => {
  return itemFor(c.env.DB, await viewerFor(c), params.id);
});

register(queueRoutes, endpoints.claimQuestion, async (c, { params }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  if (!(await run(claimStatement(db, v, params.id)))) await refusal(db, v, params.id, 'claim');
  return { item: await itemFor(db, v, params.id) };
});

register(queueRoutes, endpoints.releaseQuestion, async (c, { params }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  if (!(await run(releaseStatement(db, v, params.id)))) await refusal(db, v, params.id, 'release');
  return { item: await itemFor(db, v, params.id) };
});

register(queueRoutes, endpoints.answerQuestion, async (c, { params, body }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  // A retry of an answer already stored returns the item; anything else under that clientId is refused.
  const replay = async () => {
    const prior = await findAnswerByClientId(db, body.clientId);
    if (!prior) return null;
    if (prior.question_id !== params.id || prior.mentor_id !== v.userId || prior.text !== body.text) {
      throw new ApiError(422, 'idempotency_mismatch', 'This clientId was already used for a different answer');
    }
    return { item: await itemFor(db, v, params.id) };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const answer = { id: newId(), clientId: body.clientId, text: body.text };
  const [, update] = await db.batch(answerStatements(db, v, params.id, answer));
  if (!changed(update)) {
    // Racing retries of one answer: the one that lost the insert replays the winner's.
    const raced = await replay();
    if (raced) return raced;
    await refusal(db, v, params.id, 'answer');
  }
  // A published copy follows its answers, and is withdrawn if a new one fails the check.
  const publication = await syncPublication(db, params.id, v.now);
  return { item: await itemFor(db, v, params.id), publication };
});

register(queueRoutes, endpoints.clarifyQuestion, async (c, { params, body }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  const [, update] = await db.batch(clarifyStatements(db, v, params.id, { id: newId(), text: body.text }));
  if (!changed(update)) await refusal(db, v, params.id, 'clarify');
  return { item: await itemFor(db, v, params.id) };
});

async function handOffTargets(db: D1Database, v: Viewer, kind: 'question' | 'need_to_talk', body: HandOffBody) {
  if (kind === 'need_to_talk' && (body.topicId || body.disciplineWanted)) {
    throw invalid('topicId', 'Need to talk goes to peer supporters only: hand it to a named peer supporter');
  }
  if (body.topicId) await requireActiveTopic(db, body.topicId);
  if (body.mentorId) {
    if (body.mentorId === v.userId) throw invalid('mentorId', 'Hand the question to someone else');
    const target = await handOffTarget(db, body.mentorId, kind === 'need_to_talk' ? 'peer_supporter' : 'mentor');
    if (!target) throw invalid('mentorId', kind === 'need_to_talk' ? 'Unknown peer supporter' : 'Unknown mentor');
    if (target.away === 1) throw new ApiError(409, 'conflict', 'That colleague is away; choose someone else');
  }
}

type HandOffBody = { topicId?: string; disciplineWanted?: string; mentorId?: string; note: string };

register(queueRoutes, endpoints.handOffQuestion, async (c, { params, body }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  const current = await itemFor(db, v, params.id);
  await handOffTargets(db, v, current.kind, body);
  const [, update] = await db.batch(
    handOffStatements(db, v, params.id, {
      id: newId(),
      note: body.note,
      topicId: body.topicId ?? null,
      disciplineWanted: body.disciplineWanted ?? null,
      mentorId: body.mentorId ?? null,
    }),
  );
  if (!changed(update)) await refusal(db, v, params.id, 'hand off');
  // After a hand-off the question may be outside my routing: report what I handed, not a 404.
  const after = await getQueueItem(db, v, params.id);
  return { item: after ?? { ...current, claim: { state: 'unclaimed', byName: null, expiresAt: null } } };
});

register(queueRoutes, endpoints.closeQueueQuestion, async (c, { params }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  if (!(await run(closeStatement(db, v, params.id)))) await refusal(db, v, params.id, 'close');
  return { item: await itemFor(db, v, params.id) };
});

register(queueRoutes, endpoints.markShareable, async (c, { params, body }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  const current = await itemFor(db, v, params.id);
  if (current.kind !== 'question') throw new ApiError(409, 'conflict', 'Need to talk is never shared');
  if (body.shareable) {
    const src = await publicationSource(db, params.id);
    if (!src) throw notFound('Question');
    if (identifiersIn([src.text, ...src.answers])) throw identifiersRemain();
  }
  if (!(await run(shareableStatement(db, v, params.id, body.shareable)))) {
    await refusal(db, v, params.id, 'share');
  }
  const publication = await syncPublication(db, params.id, v.now);
  return { item: await itemFor(db, v, params.id), publication };
});
