import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { auditStatement } from '../db/audit';
import { creditPreference, setCreditPreference } from '../db/credit';
import { getHotspot } from '../db/hotspots';
import { inviteStatement } from '../db/queue';
import { getSettings } from '../db/settings';
import {
  findTipRequestByClientId,
  insertRequestedTip,
  insertTrainingGap,
  openTipRequestsFor,
  requestedTipByClientId,
  tipRequestFor,
} from '../db/training';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { buildHotspotDetail } from '../services/hotspot-views';
import { createOnce } from '../services/idempotent';
import { itemFor, refusal, viewerFor } from '../services/queue';
import { requireActiveTopic } from '../services/validation';
import { register } from './register';

/**
 * Training gap → tip: a lead resolves a hotspot as a training gap, which asks the mentors of a topic for a
 * tip on its screen; the first mentor to write it answers the request (the tip is an ordinary screen tip).
 */
export const trainingRoutes = new OpenAPIHono<AppEnv>();

register(trainingRoutes, endpoints.resolveTrainingGap, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const at = now();
  let moved = false;
  const hotspotId = await createOnce(c, body, {
    find: async () => {
      const found = await findTipRequestByClientId(db, body.clientId);
      return (
        found && {
          item: found.hotspotId,
          bodyHash: found.bodyHash,
          sameSender: found.requestedBy === user.id && found.hotspotId === params.id,
        }
      );
    },
    validate: () => requireActiveTopic(db, body.topicId),
    insert: async (bodyHash) => {
      const done = await insertTrainingGap(db, {
        id: newId(),
        clientId: body.clientId,
        bodyHash,
        hotspotId: params.id,
        topicId: body.topicId,
        note: body.note ?? null,
        requestedBy: user.id,
        at,
      });
      moved = done.moved;
      return done.created ? 1 : 0;
    },
    explain: async () => {
      const h = await getHotspot(db, params.id);
      if (!h) throw notFound('Hotspot');
      if (h.mergedInto)
        throw conflict('This hotspot is merged into another; resolve that one', { mergedInto: h.rootId });
      if (!h.screen) throw conflict('A tip belongs to a screen, and this hotspot has none: resolve it as usual');
      if (h.status !== 'in_progress' && h.status !== 'resolved') {
        throw conflict(`A hotspot is resolved from in progress; this one is ${h.status}`, { from: h.status });
      }
      throw conflict('Mentors were already asked for a tip on this hotspot');
    },
  });
  if (!c.get('replayed')) {
    await db.batch([
      ...(moved
        ? [
            auditStatement(db, {
              at,
              actorId: user.id,
              action: 'hotspot.status_changed',
              target: hotspotId,
              details: { from: 'in_progress', to: 'resolved' },
            }),
          ]
        : []),
      auditStatement(db, {
        at,
        actorId: user.id,
        action: 'hotspot.training_gap',
        target: hotspotId,
        details: { topicId: body.topicId },
      }),
    ]);
  }
  return buildHotspotDetail(db, hotspotId, await getSettings(db), user.id);
});

register(trainingRoutes, endpoints.tipRequests, async (c) => ({
  requests: await openTipRequestsFor(c.env.DB, requireAuth(c).user.id),
}));

// A request not routed to the caller gets the 404 of one that does not exist.
register(trainingRoutes, endpoints.writeRequestedTip, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  return createOnce(c, body, {
    find: async () => {
      const found = await requestedTipByClientId(db, body.clientId);
      return (
        found && {
          item: found.tip,
          bodyHash: found.bodyHash,
          sameSender: found.authorId === user.id && found.requestId === params.id,
        }
      );
    },
    validate: async () => {
      if (!(await tipRequestFor(db, user.id, params.id))) throw notFound('Tip request');
    },
    insert: (bodyHash) =>
      insertRequestedTip(db, {
        id: newId(),
        clientId: body.clientId,
        bodyHash,
        requestId: params.id,
        text: body.text,
        authorId: user.id,
        at: now(),
      }).then((stored) => (stored ? 1 : 0)),
    explain: async () => {
      throw conflict('A colleague has written this tip already: it shows on the screen');
    },
  });
});

register(trainingRoutes, endpoints.myCreditPreference, async (c) => ({
  creditMe: await creditPreference(c.env.DB, requireAuth(c).user.id),
}));

register(trainingRoutes, endpoints.setCreditPreference, async (c, { body }) => {
  await setCreditPreference(c.env.DB, requireAuth(c).user.id, body.creditMe);
  return { ok: true as const };
});

// Invited mentors read the thread and may answer in it (db/queue.ts VISIBLE, CAN_ANSWER); the claim stays.
register(trainingRoutes, endpoints.inviteDiscipline, async (c, { params, body }) => {
  const v = await viewerFor(c);
  const db = c.env.DB;
  await inviteStatement(db, v, params.id, body.discipline).run();
  const item = await itemFor(db, v, params.id);
  if (!item.invites.includes(body.discipline) || item.claim.state !== 'mine') {
    await refusal(db, v, params.id, 'invite a discipline into');
  }
  return { item };
});
