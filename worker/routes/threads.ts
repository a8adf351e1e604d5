import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { findQuestionByClientId, getOwnQuestion, insertQuestionStatement } from '../db/questions';
import { getSettings } from '../db/settings';
import { askerCloseStatement, consentStatement, helpfulStatement, replyStatements } from '../db/threads';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createOnce } from '../services/idempotent';
import { claimCutoff, syncPublication } from '../services/queue';
import { register } from './register';

/** The asker's side of a question: reply, helpful, consent, close; and asking to talk. */
export const threadRoutes = new OpenAPIHono<AppEnv>();

async function own(db: D1Database, userId: string, id: string, cutoff: number) {
  const question = await getOwnQuestion(db, userId, id, cutoff);
  if (!question) throw notFound('Question');
  return question;
}

const changed = (result: D1Result | undefined) => (result?.results.length ?? 0) > 0;

register(threadRoutes, endpoints.replyToQuestion, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoff(c);
  const [, update] = await db.batch(
    replyStatements(db, { id: params.id, userId: user.id }, { id: newId(), text: body.text }, now()),
  );
  if (!changed(update)) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('No clarifying question is waiting for your reply');
  }
  return own(db, user.id, params.id, cutoff);
});

register(threadRoutes, endpoints.markHelpful, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoff(c);
  if (!changed(await helpfulStatement(db, params.id, user.id, body.helpful).all())) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('This question has no answer yet');
  }
  return own(db, user.id, params.id, cutoff);
});

register(threadRoutes, endpoints.consentToShare, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoff(c);
  if (!changed(await consentStatement(db, params.id, user.id, body.consent).all())) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('Need to talk is never shared');
  }
  const publication = await syncPublication(db, params.id, now());
  return { question: await own(db, user.id, params.id, cutoff), publication };
});

register(threadRoutes, endpoints.closeMyQuestion, async (c, { params }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cutoff = await claimCutoff(c);
  if (!changed(await askerCloseStatement(db, params.id, user.id, now()).all())) {
    await own(db, user.id, params.id, cutoff);
    throw conflict('This question is already closed');
  }
  return own(db, user.id, params.id, cutoff);
});

register(threadRoutes, endpoints.needToTalk, async (c, { body }) => {
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
