import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { publicationSource } from '../db/kb';
import { isAway } from '../db/mentors';
import {
  findQuestionByClientId,
  getOwnQuestion,
  insertQuestionOnce,
  insertQuestionStatement,
  listQuestionsByUser,
  type StoredQuestion,
} from '../db/questions';
import {
  answerStatements,
  claimStatement,
  clarifyStatements,
  closeStatement,
  findAnswerByClientId,
  handOffStatements,
  releaseStatement,
  shareableStatement,
} from '../db/queue';
import { getSettings } from '../db/settings';
import { askerCloseStatement, consentStatement, helpfulStatement, replyStatements } from '../db/threads';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { anyIdentifiers } from '../lib/detector';
import { ApiError, conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { alertUrgentQuestion } from '../services/dispatch';
import { createOnce } from '../services/idempotent';
import { mentorFirstRoute } from '../services/mentorships';
import {
  claimCutoffNow,
  getQueueItem,
  handOffTargets,
  identifiersRemain,
  itemFor,
  listQueue,
  queueSummary,
  refusal,
  syncPublication,
  viewerFor,
} from '../services/queue';
import { requireActiveTopic, requireDeidentifiedScreenIn } from '../services/validation';
import { register } from './register';

/**
 * Questions and need to talk: the asker asks, replies, marks helpful, consents, closes; mentors and peer
 * supporters work the queue (claim, answer, clarify, hand off, close, share). `/v1/queue/summary` is
 * registered before `/v1/queue/{id}` in this one router.
 */
export const questionRoutes = new OpenAPIHono<AppEnv>();

const changed = (result: D1Result | undefined) => (result?.results.length ?? 0) > 0;

register(questionRoutes, endpoints.createQuestion, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const toStored = (found: StoredQuestion) => ({
    item: found.question,
    bodyHash: found.bodyHash,
    sameSender: found.userId === user.id,
  });
  // A mentee may ask their mentor first; without an active mentorship the question routes as any.
  const mentorFirst = body.mentorFirst
    ? await mentorFirstRoute(db, user.id, body.urgency, now(), await getSettings(db))
    : null;
  const question = await createOnce(c, body, {
    find: async () => {
      const found = await findQuestionByClientId(db, body.clientId);
      return found && toStored(found);
    },
    validate: () => requireDeidentifiedScreenIn(c.env, body.screen),
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
        mentorFirst,
      });
      return { created, stored: stored && toStored(stored) };
    },
    explain: () => requireActiveTopic(db, body.topicId),
  });
  // An urgent question alerts the mentors' channels after the response (once per question, retries too);
  // one for the asker's mentor alone stays between the two of them.
  if (question.urgency === 'today' && !mentorFirst) {
    const alerted = alertUrgentQuestion(c.env, question.id, now()).catch((e: unknown) => {
      // The error's kind only; what failed to send is in the admin panel's deliveries.
      console.error(JSON.stringify({ urgentAlert: 'failed', error: e instanceof Error ? e.name : 'Error' }));
    });
    c.executionCtx.waitUntil(alerted);
  }
  return question;
});

register(questionRoutes, endpoints.myQuestions, async (c) => {
  return { questions: await listQuestionsByUser(c.env.DB, requireAuth(c).user.id, await claimCutoffNow(c)) };
});

// The asker's side of a question.

async function own(db: D1Database, userId: string, id: string, cutoff: number) {
  const question = await getOwnQuestion(db, userId, id, cutoff);
  if (!question) throw notFound('Question');
  return question;
}

register(questionRoutes, endpoints.replyToQuestion, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoffNow(c);
  const [, update] = await db.batch(
    replyStatements(db, { id: params.id, userId: user.id }, { id: newId(), text: body.text }, now()),
  );
  if (!changed(update)) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('No clarifying question is waiting for your reply');
  }
  return own(db, user.id, params.id, cutoff);
});

register(questionRoutes, endpoints.markHelpful, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoffNow(c);
  if (!changed(await helpfulStatement(db, params.id, user.id, body.helpful).all())) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('This question has no answer yet');
  }
  return own(db, user.id, params.id, cutoff);
});

register(questionRoutes, endpoints.consentToShare, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoffNow(c);
  if (!changed(await consentStatement(db, params.id, user.id, body.consent).all())) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('Need to talk is never shared');
  }
  const publication = await syncPublication(db, c.env.DETECTOR, params.id, now());
  return { question: await own(db, user.id, params.id, cutoff), publication };
});

register(questionRoutes, endpoints.closeMyQuestion, async (c, { params }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoffNow(c);
  if (!changed(await askerCloseStatement(db, params.id, user.id, now()).all())) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('This question is already closed');
  }
  return own(db, user.id, params.id, cutoff);
});

register(questionRoutes, endpoints.needToTalk, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const settings = await getSettings(db);
  const question = await createOnce(c, body, {
    find: async () => {
      const found = await findQuestionByClientId(db, body.clientId);
      return (
        found && {
          item: found.question,
          bodyHash: found.bodyHash,
          sameSender: found.userId === user.id && found.kind === 'need_to_talk',
        }
      );
    },
    validate: async () => {},
    insert: async (bodyHash) => {
      const result = await insertQuestionStatement(db, {
        id: newId(),
        clientId: body.clientId,
        bodyHash,
        userId: user.id,
        kind: 'need_to_talk',
        text: body.text ?? '',
        topicId: null,
        disciplineWanted: 'any',
        // Always today: someone who needs to talk should not wait for the week.
        urgency: 'today',
        host: null,
        path: null,
        pageTitle: null,
        createdAt: now(),
      }).run();
      return result.meta.changes;
    },
  });
  return {
    question,
    support: { employeeAssistance: settings.employeeAssistance, crisisContacts: settings.crisisContacts },
  };
});

// The queue: mentors (questions) and peer supporters (need to talk).

async function run(statement: D1PreparedStatement) {
  return changed(await statement.all());
}

register(questionRoutes, endpoints.queue, async (c, { query }) => {
  const v = await viewerFor(c);
  return { items: await listQueue(c.env.DB, v, query) };
});

// Registered before /v1/queue/{id}, which would otherwise take "summary" for an id.
register(questionRoutes, endpoints.queueSummary, async (c) => {
  const v = await viewerFor(c);
  return queueSummary(c.env.DB, v, await isAway(c.env.DB, v.userId));
});

register(questionRoutes, endpoints.queueItem, async (c, { params }) => {
  return itemFor(c.env.DB, await viewerFor(c), params.id);
});

register(questionRoutes, endpoints.claimQuestion, async (c, { params }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  if (!(await run(claimStatement(db, v, params.id)))) await refusal(db, v, params.id, 'claim');
  return { item: await itemFor(db, v, params.id) };
});

register(questionRoutes, endpoints.releaseQuestion, async (c, { params }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  if (!(await run(releaseStatement(db, v, params.id)))) await refusal(db, v, params.id, 'release');
  return { item: await itemFor(db, v, params.id) };
});

register(questionRoutes, endpoints.answerQuestion, async (c, { params, body }) => {
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
  const publication = await syncPublication(db, c.env.DETECTOR, params.id, v.now);
  return { item: await itemFor(db, v, params.id), publication };
});

register(questionRoutes, endpoints.clarifyQuestion, async (c, { params, body }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  const [, update] = await db.batch(clarifyStatements(db, v, params.id, { id: newId(), text: body.text }));
  if (!changed(update)) await refusal(db, v, params.id, 'clarify');
  return { item: await itemFor(db, v, params.id) };
});

register(questionRoutes, endpoints.handOffQuestion, async (c, { params, body }) => {
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

register(questionRoutes, endpoints.closeQueueQuestion, async (c, { params }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  if (!(await run(closeStatement(db, v, params.id)))) await refusal(db, v, params.id, 'close');
  return { item: await itemFor(db, v, params.id) };
});

register(questionRoutes, endpoints.markShareable, async (c, { params, body }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  const current = await itemFor(db, v, params.id);
  if (current.kind !== 'question') throw new ApiError(409, 'conflict', 'Need to talk is never shared');
  if (body.shareable) {
    const src = await publicationSource(db, params.id);
    if (!src) throw notFound('Question');
    if (await anyIdentifiers(c.env.DETECTOR, [src.text, ...src.answers])) throw identifiersRemain();
  }
  if (!(await run(shareableStatement(db, v, params.id, body.shareable)))) {
    await refusal(db, v, params.id, 'share');
  }
  const publication = await syncPublication(db, c.env.DETECTOR, params.id, v.now);
  return { item: await itemFor(db, v, params.id), publication };
});
