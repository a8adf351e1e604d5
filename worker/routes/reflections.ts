import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import {
  deleteOwnReflection,
  findReflectionByClientId,
  insertReflectionOnce,
  listOwnReflections,
  reflectionSubjectState,
  type StoredReflection,
} from '../db/reflections';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createOnce } from '../services/idempotent';
import { register } from './register';

/**
 * Private reflections: written, listed and deleted by their author alone. No route here (or anywhere)
 * takes another person's id, so a lead, admin or mentor has nothing to ask for; nothing is audited,
 * because even that a person reflected is theirs.
 */
export const reflectionRoutes = new OpenAPIHono<AppEnv>();

register(reflectionRoutes, endpoints.createReflection, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const toStored = (found: StoredReflection) => ({
    item: found.reflection,
    bodyHash: found.bodyHash,
    sameSender: found.userId === user.id,
  });
  return createOnce(c, body, {
    find: async () => {
      const found = await findReflectionByClientId(db, body.clientId);
      return found && toStored(found);
    },
    validate: async () => {},
    insert: async (bodyHash) => {
      const { created, stored } = await insertReflectionOnce(db, {
        id: newId(),
        clientId: body.clientId,
        bodyHash,
        userId: user.id,
        subjectKind: body.subjectKind,
        subjectId: body.subjectId,
        text: body.text,
        at: now(),
      });
      return { created, stored: stored && toStored(stored) };
    },
    explain: async () => {
      const state = await reflectionSubjectState(db, user.id, body.subjectKind, body.subjectId);
      if (state === 'missing' || state === 'need_to_talk') {
        throw notFound(body.subjectKind === 'question' ? 'Question' : 'Cycle');
      }
      if (state === 'too_early') {
        throw conflict(
          body.subjectKind === 'question'
            ? 'You can reflect once your question has an answer'
            : 'You can reflect on a cycle once it reaches Study',
        );
      }
    },
  });
});

register(reflectionRoutes, endpoints.myReflections, async (c) => {
  return { reflections: await listOwnReflections(c.env.DB, requireAuth(c).user.id) };
});

register(reflectionRoutes, endpoints.deleteReflection, async (c, { params }) => {
  if (!(await deleteOwnReflection(c.env.DB, params.id, requireAuth(c).user.id))) throw notFound('Reflection');
  return { ok: true as const };
});
