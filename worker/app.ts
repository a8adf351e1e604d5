import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { endpoints } from '../shared/api';
import type { AppEnv } from './env';
import { errorBody } from './lib/errors';
import { register } from './lib/register';
import { corsForExtensions } from './middleware/cors';
import { onError, onNotFound } from './middleware/errors';
import { limitBody, requireJson } from './middleware/limits';
import { limitCodeUse } from './middleware/rate-limit';
import { requireMinVersion } from './middleware/version';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { exportRoutes } from './routes/exports';
import { flagRoutes } from './routes/flags';
import { hotspotRoutes } from './routes/hotspots';
import { kbRoutes } from './routes/kb';
import { loopRoutes } from './routes/loop';
import { mentorRoutes } from './routes/mentors';
import { pdsaRoutes } from './routes/pdsa';
import { programmeRoutes } from './routes/programme';
import { questionRoutes } from './routes/questions';
import { queueRoutes } from './routes/queue';
import { scimRoutes } from './routes/scim';
import { ssoRoutes } from './routes/sso';
import { threadRoutes } from './routes/threads';

export const API_VERSION = '0.1.0';

export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures use the one error body, with zod's issues as details.
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ path: i.path, message: i.message, code: i.code }));
        return c.json(errorBody('validation_failed', 'The request is not valid', details), 400);
      }
    },
  });
  app.use('*', requestId({ headerName: 'X-Request-Id' }));
  app.use('*', corsForExtensions());
  app.use('*', limitBody());
  app.use('*', requireJson());
  app.use('/v1/*', requireMinVersion());
  app.use('/v1/auth/enroll', limitCodeUse());
  app.onError(onError);
  app.notFound(onNotFound);

  register(app, endpoints.health, async () => ({ ok: true as const, version: API_VERSION }));
  app.route('/', authRoutes);
  app.route('/', catalogRoutes);
  app.route('/', flagRoutes);
  // Before hotspotRoutes: /v1/hotspots/by-system must not be read as a hotspot id.
  app.route('/', loopRoutes);
  app.route('/', hotspotRoutes);
  app.route('/', pdsaRoutes);
  app.route('/', programmeRoutes);
  app.route('/', exportRoutes);
  app.route('/', questionRoutes);
  app.route('/', threadRoutes);
  app.route('/', queueRoutes);
  app.route('/', mentorRoutes);
  app.route('/', kbRoutes);
  app.route('/', adminRoutes);
  app.route('/', ssoRoutes);
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
