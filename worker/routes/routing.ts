import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { requireAuth } from '../lib/require-auth';
import { routeCoverage } from '../services/routing';
import { requireActiveTopic } from '../services/validation';
import { register } from './register';

/** Before a question is sent: does anyone take its route, and if not, the nearest that someone does. */
export const routingRoutes = new OpenAPIHono<AppEnv>();

register(routingRoutes, endpoints.routeCoverage, async (c, { query }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  if (query.topicId) await requireActiveTopic(db, query.topicId);
  return routeCoverage(db, user.id, query, (await getSettings(db)).fallbackTopicId);
});
