import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { PublicSettings } from '../../shared/settings';
import { listCatalog } from '../db/catalog';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { register } from '../lib/register';

export const catalogRoutes = new OpenAPIHono<AppEnv>();

// PublicSettings is picked from a strict schema, so it stays strict: strip() drops the private keys
// instead of refusing them.
register(catalogRoutes, endpoints.settings, async (c) => PublicSettings.strip().parse(await getSettings(c.env.DB)));
register(catalogRoutes, endpoints.units, async (c) => ({ units: await listCatalog(c.env.DB, 'units', true) }));
register(catalogRoutes, endpoints.topics, async (c) => ({ topics: await listCatalog(c.env.DB, 'topics', true) }));
