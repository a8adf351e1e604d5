import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { endpoints } from '../shared/api';
import type { AppEnv } from './env';
import { errorBody } from './lib/errors';
import { corsForExtensions } from './middleware/cors';
import { d1Session } from './middleware/d1-session';
import { onError, onNotFound } from './middleware/errors';
import { limitBody, requireJson } from './middleware/limits';
import { limitCodeUse, requireAllowance } from './middleware/rate-limit';
import { requireMinVersion } from './middleware/version';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { coachingRoutes } from './routes/coaching';
import { digestRoutes } from './routes/digests';
import { exportRoutes } from './routes/exports';
import { flagRoutes } from './routes/flags';
import { hotspotRoutes } from './routes/hotspots';
import { kbRoutes } from './routes/kb';
import { mentorRoutes } from './routes/mentors';
import { mentorshipRoutes } from './routes/mentorships';
import { pdsaRoutes } from './routes/pdsa';
import { portfolioRoutes } from './routes/portfolio';
import { programmeRoutes } from './routes/programme';
import { questionRoutes } from './routes/questions';
import { recognitionRoutes } from './routes/recognition';
import { reflectionRoutes } from './routes/reflections';
import { register } from './routes/register';
import { routingRoutes } from './routes/routing';
import { scimRoutes } from './routes/scim';
import { smallTestRoutes } from './routes/small-tests';
import { ssoRoutes } from './routes/sso';
import { trainingRoutes } from './routes/training';

/**
 * One router per resource. No two of them can match the same request (test/worker/routes/mount-order.test.ts),
 * so the order they are mounted in does not matter.
 */
export const resourceRoutes = [
  authRoutes,
  catalogRoutes,
  flagRoutes,
  hotspotRoutes,
  pdsaRoutes,
  programmeRoutes,
  exportRoutes,
  questionRoutes,
  mentorRoutes,
  routingRoutes,
  kbRoutes,
  adminRoutes,
  ssoRoutes,
  digestRoutes,
  reflectionRoutes,
  recognitionRoutes,
  coachingRoutes,
  smallTestRoutes,
  portfolioRoutes,
  trainingRoutes,
  mentorshipRoutes,
];

export const API_VERSION = '0.1.0';

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures use the one error body, with zod's issues as details.
    defaultHook: async (result, c) => {
      if (!result.success) {
        // A refused rate limit answers before the input is judged (middleware/rate-limit.ts).
        await requireAllowance(c);
        const details = result.error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code }));
        return c.json(errorBody('validation_failed', 'The request is not valid', details), 400);
      }
    },
  });
  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', corsForExtensions());
  app.use('*', d1Session());
  app.use('*', limitBody());
  app.use('*', requireJson());
  app.use('/v1/*', requireMinVersion());
  app.use('/v1/auth/enroll', limitCodeUse());
  app.onError(onError);
  app.notFound(onNotFound);

  register(app, endpoints.health, async () => ({ ok: true as const, version: API_VERSION }));
  for (const routes of resourceRoutes) app.route('/', routes);
  // SCIM (RFC 7644) under its own prefix, with its own credential and error body.
  app.route('/scim/v2', scimRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Curbside API',
      version: API_VERSION,
      description: 'Every operation names its allowed roles in x-roles ("public" needs no token).',
    },
  });
  return app;
}

export type AppType = ReturnType<typeof createApp>;
