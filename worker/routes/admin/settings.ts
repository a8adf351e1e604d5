import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../../shared/api';
import { auditStatement } from '../../db/audit';
import { isActive } from '../../db/catalog';
import { getSettings, updateSettings } from '../../db/settings';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { requireAuth } from '../../lib/require-auth';
import { invalid } from '../../services/validation';
import { register } from '../register';

export const settingsRoutes = new OpenAPIHono<AppEnv>();

register(settingsRoutes, endpoints.adminGetSettings, async (c) => getSettings(c.env.DB));

register(settingsRoutes, endpoints.adminPatchSettings, async (c, { body }) => {
  const { user } = requireAuth(c);
  // The fallback route must be a topic someone can be routed to; a topic retired later simply stops
  // taking escalations (the job and the Ask form check it is active).
  if (body.fallbackTopicId && !(await isActive(c.env.DB, 'topics', body.fallbackTopicId))) {
    throw invalid('fallbackTopicId', 'Unknown topic');
  }
  const next = await updateSettings(c.env.DB, body);
  await auditStatement(c.env.DB, {
    at: now(),
    actorId: user.id,
    action: 'settings.updated',
    details: { fields: Object.keys(body) },
  }).run();
  return next;
});
