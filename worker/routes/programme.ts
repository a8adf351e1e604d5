import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { requireAuth } from '../lib/require-auth';
import { buildProgrammeHealth } from '../services/programme';
import { register } from './register';

export const programmeRoutes = new OpenAPIHono<AppEnv>();

register(programmeRoutes, endpoints.programmeHealth, async (c, { query }) => {
  return buildProgrammeHealth(c.env.DB, query, await getSettings(c.env.DB), requireAuth(c).user.id);
});
