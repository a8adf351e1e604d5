import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { PDSA_PREVIOUS } from '../../shared/pdsa';
import { auditStatement } from '../db/audit';
import { getHotspot } from '../db/hotspots';
import { advanceCycle, findCycleByClientId, getCycle, insertCycle } from '../db/pdsa';
import { getUser, listCycleOwners } from '../db/users';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createOnce } from '../services/idempotent';
import { invalid } from '../services/validation';
import { register } from './register';

/** Small tests of change (PDSA) on hotspots, owned by a lead or mentor. */
export const pdsaRoutes = new OpenAPIHono<AppEnv>();

register(pdsaRoutes, endpoints.cycleOwners, async (c) => ({ owners: await listCycleOwners(c.env.DB) }));

// Created once per clientId (services/idempotent.ts): a double click on "Start cycle" makes one cycle.
register(pdsaRoutes, endpoints.createCycle, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const ownerId = body.ownerId ?? user.id;
  let hotspotId = '';
  const id = newId();
  const at = now();
  return createOnce(
    c,
    { hotspot: params.id, ...body },
    {
      find: async () => {
        const found = await findCycleByClientId(db, body.clientId);
        return found && { item: found.cycle, bodyHash: found.bodyHash, sameSender: found.createdBy === user.id };
      },
      validate: async () => {
        const h = await getHotspot(db, params.id);
        if (!h) throw notFound('Hotspot');
        // Cycles belong to where the hotspot counts now, so reporters of merged duplicates see them too.
        hotspotId = h.rootId;
        const owner = ownerId === user.id ? user : await getUser(db, ownerId);
        if (!owner?.active || !owner.roles.some((r) => r === 'lead' || r === 'mentor')) {
          throw invalid('ownerId', 'The owner must be an active lead or mentor');
        }
      },
      insert: async (bodyHash) => {
        const created = await insertCycle(db, {
          id,
          clientId: body.clientId,
          bodyHash,
          createdBy: user.id,
          hotspotId,
          ownerId,
          changeIdea: body.changeIdea,
          prediction: body.prediction,
          measure: body.measure,
          at,
        });
        if (created === 1) {
          await auditStatement(db, {
            at,
            actorId: user.id,
            action: 'pdsa.created',
            target: id,
            details: { hotspot: hotspotId },
          }).run();
        }
        return created;
      },
    },
  );
});

register(pdsaRoutes, endpoints.advanceCycle, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const cycle = await getCycle(db, params.id);
  const isLead = user.roles.some((r) => r === 'lead' || r === 'admin');
  // A mentor sees only cycles they own; any other looks like one that does not exist.
  if (!cycle || (!isLead && cycle.ownerId !== user.id)) throw notFound('Cycle');
  const from = PDSA_PREVIOUS[body.stage];
  const at = now();
  const moved = await advanceCycle(db, cycle.id, body.stage, from, {
    notes: body.notes ?? null,
    decision: body.decision ?? null,
    at,
  });
  if (!moved) {
    const current = (await getCycle(db, cycle.id))?.stage ?? cycle.stage;
    throw conflict(`A cycle moves one stage at a time: it is at ${current}, so it cannot go to ${body.stage}`, {
      from: current,
      to: body.stage,
    });
  }
  await auditStatement(db, {
    at,
    actorId: user.id,
    action: 'pdsa.advanced',
    target: cycle.id,
    details: { to: body.stage },
  }).run();
  return (await getCycle(db, cycle.id)) ?? cycle;
});
