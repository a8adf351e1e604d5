import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { isActive } from '../db/catalog';
import { getMentorProfile, listMentors, peerSupporterAudit, putMentorProfileStatements } from '../db/mentors';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { requireAuth } from '../lib/require-auth';
import { invalid } from '../services/validation';
import { register } from './register';

export const mentorRoutes = new OpenAPIHono<AppEnv>();

register(mentorRoutes, endpoints.myMentorProfile, async (c) => {
  const { user } = requireAuth(c);
  return getMentorProfile(c.env.DB, user.id, user.discipline, now());
});

register(mentorRoutes, endpoints.putMentorProfile, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  for (const [i, topicId] of body.topicIds.entries()) {
    if (!(await isActive(db, 'topics', topicId))) throw invalid(`topicIds.${i}`, 'Unknown topic');
  }
  const at = now();
  await db.batch(putMentorProfileStatements(db, user.id, body, at));
  return getMentorProfile(db, user.id, user.discipline, at);
});

register(mentorRoutes, endpoints.listMentors, async (c) => {
  const { user } = requireAuth(c);
  return { mentors: await listMentors(c.env.DB, user.id, user.roles.includes('peer_supporter')) };
});

register(mentorRoutes, endpoints.peerSupportAudit, async (c) => ({
  entries: await peerSupporterAudit(c.env.DB),
}));
