import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { PublicSettings } from '../../shared/settings';
import { listCatalog, listUnitsForReporters } from '../db/catalog';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { register } from './register';

export const catalogRoutes = new OpenAPIHono<AppEnv>();

// PublicSettings is picked from a strict schema, so it stays strict: strip() drops the private keys
// instead of refusing them.
register(catalogRoutes, endpoints.settings, async (c) => PublicSettings.strip().parse(await getSettings(c.env.DB)));
// Reporters learn which units are too small to name on an anonymous flag (a yes/no, never a count).
register(catalogRoutes, endpoints.units, async (c) => ({
  units: await listUnitsForReporters(c.env.DB, (await getSettings(c.env.DB)).kAnonymity),
}));
register(catalogRoutes, endpoints.topics, async (c) => ({ topics: await listCatalog(c.env.DB, 'topics', true) }));
