import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { adminCatalogRoutes } from './catalog';
import { codeRoutes } from './codes';
import { settingsRoutes } from './settings';
import { userRoutes } from './users';

export const adminRoutes = new OpenAPIHono<AppEnv>()
  .route('/', codeRoutes)
  .route('/', userRoutes)
  .route('/', adminCatalogRoutes)
  .route('/', settingsRoutes);
