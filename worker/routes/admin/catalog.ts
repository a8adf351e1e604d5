import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../../shared/api';
import { auditStatement } from '../../db/audit';
import {
  type CatalogTable,
  findCatalogByName,
  insertCatalogItem,
  listCatalog,
  patchCatalogItem,
} from '../../db/catalog';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { conflict, notFound } from '../../lib/errors';
import { requireAuth } from '../../lib/require-auth';
import { register } from '../register';

export const adminCatalogRoutes = new OpenAPIHono<AppEnv>();

const EP = {
  units: {
    list: endpoints.adminListUnits,
    create: endpoints.adminCreateUnit,
    patch: endpoints.adminPatchUnit,
    noun: 'Unit',
  },
  topics: {
    list: endpoints.adminListTopics,
    create: endpoints.adminCreateTopic,
    patch: endpoints.adminPatchTopic,
    noun: 'Topic',
  },
} as const;

// Units and topics are the same kind of list; one set of handlers serves both.
for (const table of ['units', 'topics'] as const satisfies readonly CatalogTable[]) {
  const ep = EP[table];
  register(adminCatalogRoutes, ep.list, async (c) => ({ [table]: await listCatalog(c.env.DB, table, false) }) as never);

  register(adminCatalogRoutes, ep.create, async (c, { body }) => {
    const { user } = requireAuth(c);
    if (await findCatalogByName(c.env.DB, table, body.name)) throw conflict(`${ep.noun} "${body.name}" already exists`);
    const id = newId();
    const item = await insertCatalogItem(c.env.DB, table, id, body.name);
    await auditStatement(c.env.DB, { at: now(), actorId: user.id, action: `${table}.created`, target: id }).run();
    return item;
  });

  register(adminCatalogRoutes, ep.patch, async (c, { params, body }) => {
    const { user } = requireAuth(c);
    if (body.name) {
      const clash = await findCatalogByName(c.env.DB, table, body.name);
      if (clash && clash.id !== params.id) throw conflict(`${ep.noun} "${body.name}" already exists`);
    }
    const item = await patchCatalogItem(c.env.DB, table, params.id, body);
    if (!item) throw notFound(ep.noun);
    await auditStatement(c.env.DB, {
      at: now(),
      actorId: user.id,
      action: `${table}.updated`,
      target: params.id,
      details: { fields: Object.keys(body) },
    }).run();
    return item;
  });
}
