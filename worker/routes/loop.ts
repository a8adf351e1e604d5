import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { ME_TOO_TEXT } from '../../shared/hotspots';
import { reporterKey } from '../../shared/kanon';
import { enoughWords, rankSimilar } from '../../shared/similarity';
import { findFlagForWithdrawal, withProgress } from '../db/flags';
import { getHotspot, getRoots, listRoots } from '../db/hotspots';
import { findFlagLink, withdrawStatements } from '../db/rollups';
import { getSettings } from '../db/settings';
import { publicRootsMeetingK } from '../db/similar';
import type { AppEnv } from '../env';
import { newId, sha256Hex } from '../lib/crypto';
import { notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createFlagOnce } from '../services/flag-write';
import { toSystemHotspots } from '../services/hotspot-views';
import { register } from './register';

/** Closing the loop with reporters: what a screen's hotspots say, me too, similar, withdraw. */
export const loopRoutes = new OpenAPIHono<AppEnv>();

register(loopRoutes, endpoints.hotspotsBySystem, async (c, { query }) => {
  const db = c.env.DB;
  const roots = await listRoots(db, { host: query.host, withResponses: true });
  const k = (await getSettings(db)).kAnonymity;
  return { hotspots: await toSystemHotspots(db, roots, k, requireAuth(c).user.id) };
});

register(loopRoutes, endpoints.meToo, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const leaf = await getHotspot(c.env.DB, params.id);
  if (!leaf) throw notFound('Hotspot');
  // "Me too" joins where the hotspot counts now: the root's own screen and category.
  const root = leaf.mergedInto ? await getHotspot(c.env.DB, leaf.rootId) : leaf;
  if (!root) throw notFound('Hotspot');
  return createFlagOnce(
    c,
    user,
    { ...body, hotspotId: root.id },
    {
      clientId: body.clientId,
      text: body.comment ?? ME_TOO_TEXT,
      category: root.category,
      frequency: body.frequency,
      minutesLost: body.minutesLost,
      impact: body.impact,
      unitId: body.unitId,
      screen: root.screen,
      anonymous: body.anonymous,
      receiptSecret: body.receiptSecret,
      contactOk: body.contactOk,
    },
  );
});

// Only what every clinician on the system sees (title, screen) of hotspots that k named reporters
// other than the caller flagged, and no score: a draft must learn nothing about anyone's text.
register(loopRoutes, endpoints.similarFlags, async (c, { body }) => {
  const { user } = requireAuth(c);
  if (!enoughWords(body.text)) return { hotspots: [] };
  const db = c.env.DB;
  const k = (await getSettings(db)).kAnonymity;
  const candidates = await publicRootsMeetingK(db, { host: body.host, k, viewerKey: reporterKey(user.id) });
  const ids = rankSimilar(body.text, candidates);
  const views = await toSystemHotspots(db, await getRoots(db, ids), k);
  const byId = new Map(views.map((v) => [v.id, v]));
  return { hotspots: ids.flatMap((id) => byId.get(id) ?? []) };
});

async function withdraw(db: D1Database, flagId: string) {
  const link = await findFlagLink(db, flagId);
  // Withdrawing twice is answered like once: the mark makes the second batch a no-op.
  if (link && link.withdrawn === null) await db.batch(withdrawStatements(db, link, newId()));
}

// Someone else's flag and a flag that does not exist get the same 404: existence is never shown.
register(loopRoutes, endpoints.withdrawFlag, async (c, { params }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const found = await findFlagForWithdrawal(db, { id: params.id });
  if (!found || found.flag.anonymous || found.userId !== user.id) throw notFound('Flag');
  await withdraw(db, params.id);
  const after = await findFlagForWithdrawal(db, { id: params.id });
  const [flag] = await withProgress(db, [after?.flag ?? found.flag]);
  return flag ?? found.flag;
});

// No token and nothing recorded about the caller, as for receipt status.
register(loopRoutes, endpoints.withdrawReceipt, async (c, { body }) => {
  const db = c.env.DB;
  const receiptHash = await sha256Hex(body.secret);
  const found = await findFlagForWithdrawal(db, { receiptHash });
  if (!found) throw notFound('Flag');
  await withdraw(db, found.flag.id);
  const after = await findFlagForWithdrawal(db, { receiptHash });
  const [flag] = await withProgress(db, [after?.flag ?? found.flag]);
  return flag ?? found.flag;
});
