import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../env';
import { auditRoutes } from './audit';
import { adminCatalogRoutes } from './catalog';
import { codeRoutes } from './codes';
import { receiptKeyRoutes } from './receipt-key';
import { settingsRoutes } from './settings';
import { systemRoutes } from './systems';
import { userRoutes } from './users';

export const adminRoutes = new OpenAPIHono<AppEnv>()
  .route('/', codeRoutes)
  .route('/', userRoutes)
  .route('/', adminCatalogRoutes)
  .route('/', settingsRoutes)
  .route('/', systemRoutes)
  .route('/', auditRoutes)
  .route('/', receiptKeyRoutes);
