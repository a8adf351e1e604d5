import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../../shared/api';
import { adminSegments, tryDeidentifyUrl } from '../../../shared/context';
import { auditStatement } from '../../db/audit';
import {
  deleteScreenStatement,
  findScreenByTemplate,
  findSystemByHost,
  getScreen,
  getSystem,
  insertScreenStatement,
  insertSystemStatement,
  listSystems,
  updateScreenStatement,
  updateSystemStatement,
} from '../../db/systems';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import type { Detector } from '../../lib/detector';
import { ApiError, conflict, notFound } from '../../lib/errors';
import { requireAuth } from '../../lib/require-auth';
import { invalid, requireDeidentifiedScreen } from '../../services/validation';
import { register } from '../register';

export const systemRoutes = new OpenAPIHono<AppEnv>();

/** A host must be one the de-identifier would produce, or no screen could ever match it. */
function requireHost(host: string) {
  if (tryDeidentifyUrl(`https://${host}/`)?.host !== host) throw invalid('host', 'Not a valid host name');
}

/**
 * A template is what a clinician's flag carries when picked from the list, so it must pass the
 * same de-identification check as a captured screen, with its own screen words (`/emr/kanban`)
 * allowed: they become words the host's screens may keep. Ids, names after a subject segment
 * and lone name-like words still come back as `:id`; the message shows what Curbside would keep.
 */
async function requireTemplate(detector: Detector, host: string, pathTemplate: string) {
  try {
    // The template's own word-like segments are what it adds to the host's allowlist.
    await requireDeidentifiedScreen(detector, { host, path: pathTemplate }, adminSegments([pathTemplate]));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const expected = (e.details as { expected?: { path: string } } | undefined)?.expected?.path;
    throw invalid(
      'pathTemplate',
      expected
        ? `Use the de-identified path ${expected} (identifiers become :id)`
        : 'The path looks like it holds an identifier; use :id for ids',
    );
  }
}

async function requireFreeHost(db: D1Database, host: string, except?: string) {
  const clash = await findSystemByHost(db, host);
  if (clash && clash.id !== except) throw conflict(`A system already has the host ${host}`);
}

async function requireFreeTemplate(db: D1Database, systemId: string, pathTemplate: string, except?: string) {
  const clash = await findScreenByTemplate(db, systemId, pathTemplate);
  if (clash && clash.id !== except) throw conflict(`This system already names ${pathTemplate} ("${clash.name}")`);
}

async function mustGetSystem(db: D1Database, id: string) {
  const system = await getSystem(db, id);
  if (!system) throw notFound('System');
  return system;
}

register(systemRoutes, endpoints.systems, async (c) => ({ systems: await listSystems(c.env.DB, true) }));

register(systemRoutes, endpoints.adminListSystems, async (c) => ({ systems: await listSystems(c.env.DB, false) }));

register(systemRoutes, endpoints.adminCreateSystem, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  requireHost(body.host);
  await requireFreeHost(db, body.host);
  const id = newId();
  const at = now();
  const queryKeys = [...new Set(body.screenQueryKeys)];
  await db.batch([
    insertSystemStatement(db, { id, host: body.host, name: body.name, queryKeys, at }),
    auditStatement(db, { at, actorId: user.id, action: 'system.created', target: id }),
  ]);
  return mustGetSystem(db, id);
});

register(systemRoutes, endpoints.adminPatchSystem, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const system = await mustGetSystem(db, params.id);
  if (body.host !== undefined && body.host !== system.host) {
    requireHost(body.host);
    await requireFreeHost(db, body.host, system.id);
    for (const s of system.screens) await requireTemplate(c.env.DETECTOR, body.host, s.pathTemplate);
  }
  const patch = body.screenQueryKeys ? { ...body, screenQueryKeys: [...new Set(body.screenQueryKeys)] } : body;
  await db.batch([
    updateSystemStatement(db, system.id, patch),
    auditStatement(db, {
      at: now(),
      actorId: user.id,
      action: 'system.updated',
      target: system.id,
      details: { fields: Object.keys(body) },
    }),
  ]);
  return mustGetSystem(db, system.id);
});

register(systemRoutes, endpoints.adminCreateScreen, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const system = await mustGetSystem(db, params.id);
  await requireTemplate(c.env.DETECTOR, system.host, body.pathTemplate);
  await requireFreeTemplate(db, system.id, body.pathTemplate);
  const screen = { id: newId(), systemId: system.id, pathTemplate: body.pathTemplate, name: body.name };
  await db.batch([
    insertScreenStatement(db, screen),
    auditStatement(db, {
      at: now(),
      actorId: user.id,
      action: 'screen.created',
      target: screen.id,
      details: { systemId: system.id },
    }),
  ]);
  return screen;
});

register(systemRoutes, endpoints.adminPatchScreen, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const screen = await getScreen(db, params.id);
  if (!screen) throw notFound('Screen');
  if (body.pathTemplate !== undefined) {
    const system = await mustGetSystem(db, screen.systemId);
    await requireTemplate(c.env.DETECTOR, system.host, body.pathTemplate);
    await requireFreeTemplate(db, system.id, body.pathTemplate, screen.id);
  }
  await db.batch([
    updateScreenStatement(db, screen.id, body),
    auditStatement(db, {
      at: now(),
      actorId: user.id,
      action: 'screen.updated',
      target: screen.id,
      details: { systemId: screen.systemId, fields: Object.keys(body) },
    }),
  ]);
  return { ...screen, ...body };
});

register(systemRoutes, endpoints.adminDeleteScreen, async (c, { params }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const screen = await getScreen(db, params.id);
  if (!screen) throw notFound('Screen');
  await db.batch([
    deleteScreenStatement(db, screen.id),
    auditStatement(db, {
      at: now(),
      actorId: user.id,
      action: 'screen.deleted',
      target: screen.id,
      details: { systemId: screen.systemId },
    }),
  ]);
  return { ok: true as const };
});
