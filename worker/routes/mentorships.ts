import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import {
  acceptMentorship,
  assignMentorship,
  declineMentorship,
  endMentorship,
  findMentorshipByClientId,
  insertMentorship,
  listLiveMentorships,
  listMentorshipsOf,
  mentorLoads,
  recordCheckIn,
  requestRefusal,
  saveGoals,
} from '../db/mentorships';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { conflict, forbidden, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createOnce } from '../services/idempotent';
import { mentorshipFor, sideOf, withSide } from '../services/mentorships';
import { register } from './register';

/**
 * Mentorships: a mentee asks (a named mentor, or anyone for a lead to assign), the mentor accepts or
 * declines, either side ends it. Capacity, parties and state are each the WHERE of the statement
 * (worker/db/mentorships.ts); a refused write is explained here from what the caller may see.
 * `/v1/mentorships/mentors`, `/mine` and `/programme` are registered before `/{id}/…` (distinct depths).
 */
export const mentorshipRoutes = new OpenAPIHono<AppEnv>();

register(mentorshipRoutes, endpoints.mentorChoices, async (c) => {
  const me = requireAuth(c).user.id;
  const loads = await mentorLoads(c.env.DB);
  return {
    mentors: loads
      .filter((m) => m.id !== me)
      .map(({ id, displayName, discipline, hasRoom }) => ({ id, displayName, discipline, hasRoom })),
  };
});

register(mentorshipRoutes, endpoints.requestMentorship, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const mentorId = body.mentorId ?? null;
  const stored = await createOnce(c, body, {
    find: async () => {
      const found = await findMentorshipByClientId(db, body.clientId);
      return found && { item: found, bodyHash: found.bodyHash, sameSender: found.menteeId === user.id };
    },
    validate: async () => {},
    insert: async (bodyHash) => {
      const { created, stored } = await insertMentorship(db, {
        id: newId(),
        clientId: body.clientId,
        bodyHash,
        menteeId: user.id,
        mentorId,
        purpose: body.purpose,
        goals: body.goals ?? '',
        rhythm: body.rhythm,
        at: now(),
      });
      return {
        created,
        stored: stored && { item: stored, bodyHash: stored.bodyHash, sameSender: stored.menteeId === user.id },
      };
    },
    explain: async () => {
      const why = await requestRefusal(db, user.id, mentorId);
      if (why === 'live') throw conflict('You already have a mentorship or a request waiting: end it first');
      if (why === 'no_mentor') throw notFound('Mentor');
      if (why === 'no_room')
        throw conflict('That mentor has no room for another mentee just now: ask for anyone and a lead will find one');
    },
  });
  return withSide(stored, 'mentee');
});

register(mentorshipRoutes, endpoints.myMentorships, async (c) => {
  const { user } = requireAuth(c);
  const mine = await listMentorshipsOf(c.env.DB, user.id, now());
  return { mentorships: mine.map((s) => withSide(s, s.menteeId === user.id ? 'mentee' : 'mentor')) };
});

register(mentorshipRoutes, endpoints.programmeMentorships, async (c) => {
  const db = c.env.DB;
  const { user } = requireAuth(c);
  const [live, mentors] = await Promise.all([listLiveMentorships(db), mentorLoads(db)]);
  return { mentorships: live.map((s) => withSide(s, sideOf(s, user) ?? 'lead')), mentors };
});

/** After a refused change: 404 when the caller may not see it, else the 409 of its state or the mentor's room. */
async function explainRefusal(c: Parameters<typeof mentorshipFor>[0], id: string, fallback: string): Promise<never> {
  const current = await mentorshipFor(c, id);
  if (current.status === 'declined' || current.status === 'ended')
    throw conflict(`This mentorship has ${current.status === 'ended' ? 'ended' : 'been declined'}`);
  throw conflict(fallback);
}

register(mentorshipRoutes, endpoints.assignMentor, async (c, { params, body }) => {
  const db = c.env.DB;
  if (!(await assignMentorship(db, params.id, body.mentorId, now()))) {
    const current = await mentorshipFor(c, params.id);
    if (current.status !== 'requested' || current.awaiting !== 'lead')
      throw conflict('Only a request for anyone waits for a lead to assign a mentor');
    throw conflict('That mentor has no room for another mentee (or is away): choose one with room');
  }
  return mentorshipFor(c, params.id);
});

register(mentorshipRoutes, endpoints.acceptMentorship, async (c, { params }) => {
  const { user } = requireAuth(c);
  if (!(await acceptMentorship(c.env.DB, params.id, user.id, now()))) {
    const current = await mentorshipFor(c, params.id);
    if (current.myRole !== 'mentor') throw forbidden('Only the mentor asked can accept');
    if (current.status !== 'requested') await explainRefusal(c, params.id, 'This mentorship has already started');
    throw conflict('You are at capacity (or away): raise your weekly capacity or end a mentorship first');
  }
  return mentorshipFor(c, params.id);
});

register(mentorshipRoutes, endpoints.declineMentorship, async (c, { params }) => {
  const { user } = requireAuth(c);
  if (!(await declineMentorship(c.env.DB, params.id, user.id, now()))) {
    const current = await mentorshipFor(c, params.id);
    if (current.myRole !== 'mentor') throw forbidden('Only the mentor asked can decline');
    await explainRefusal(c, params.id, 'This mentorship has already started: end it instead');
  }
  return mentorshipFor(c, params.id);
});

/** The parties only: a lead who reads it is not a side of it. */
async function asParty(c: Parameters<typeof mentorshipFor>[0], id: string) {
  const current = await mentorshipFor(c, id);
  if (current.myRole === 'lead') throw forbidden('Only the mentee and the mentor change their mentorship');
  return current;
}

register(mentorshipRoutes, endpoints.endMentorship, async (c, { params }) => {
  const { user } = requireAuth(c);
  if (!(await endMentorship(c.env.DB, params.id, user.id, now()))) {
    await asParty(c, params.id);
    await explainRefusal(c, params.id, 'This mentorship cannot be ended');
  }
  return mentorshipFor(c, params.id);
});

register(mentorshipRoutes, endpoints.saveMentorshipGoals, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  if (!(await saveGoals(c.env.DB, params.id, user.id, body.goals, body.rhythm ?? null))) {
    await asParty(c, params.id);
    await explainRefusal(c, params.id, 'The goals cannot be saved');
  }
  return mentorshipFor(c, params.id);
});

register(mentorshipRoutes, endpoints.recordCheckIn, async (c, { params }) => {
  const { user } = requireAuth(c);
  if (!(await recordCheckIn(c.env.DB, params.id, user.id, now()))) {
    await asParty(c, params.id);
    await explainRefusal(c, params.id, 'Check-ins start once the mentorship is active');
  }
  return mentorshipFor(c, params.id);
});
