import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { reporterKey } from '../../shared/kanon';
import { enoughWords, rankSimilar } from '../../shared/similarity';
import { findFlagForWithdrawal, findFlagsByReceipts, listFlagsByUser, withProgress } from '../db/flags';
import { getRoots } from '../db/hotspots';
import { findFlagLink, withdrawStatements } from '../db/rollups';
import { getSettings } from '../db/settings';
import { publicRootsMeetingK } from '../db/similar';
import type { AppEnv } from '../env';
import { newId } from '../lib/crypto';
import { notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createFlagOnce, receiptHash } from '../services/flag-write';
import { toSystemHotspots } from '../services/hotspot-views';
import { register } from './register';

/** Flags: write, my flags, similar while typing, withdraw (named, or anonymous by receipt), receipt status. */
export const flagRoutes = new OpenAPIHono<AppEnv>();

register(flagRoutes, endpoints.createFlag, async (c, { body }) => {
  // The flag, its hotspot and every rollup it feeds go in one batch (see services/flag-write.ts).
  return createFlagOnce(c, requireAuth(c).user, body, body);
});

register(flagRoutes, endpoints.myFlags, async (c) => {
  return { flags: await listFlagsByUser(c.env.DB, requireAuth(c).user.id) };
});

// No token and nothing recorded about the caller: holding the secret is the only proof needed.
register(flagRoutes, endpoints.receiptStatus, async (c, { body }) => {
  const hashes = await Promise.all(body.secrets.map(receiptHash));
  const found = await findFlagsByReceipts(c.env.DB, hashes);
  return { flags: hashes.map((h) => found.get(h) ?? null) };
});

// Only what every clinician on the system sees (title, screen) of hotspots that k named reporters
// other than the caller flagged, and no score: a draft must learn nothing about anyone's text.
register(flagRoutes, endpoints.similarFlags, async (c, { body }) => {
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
register(flagRoutes, endpoints.withdrawFlag, async (c, { params }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const found = await findFlagForWithdrawal(db, { id: params.id });
  if (!found || found.flag.anonymous || found.userId !== user.id) throw notFound('Flag');
  await withdraw(db, params.id);
  const after = await findFlagForWithdrawal(db, { id: params.id });
  const [flag] = await withProgress(db, [after?.flag ?? found.flag], user.id);
  return flag ?? found.flag;
});

// No token and nothing recorded about the caller, as for receipt status.
register(flagRoutes, endpoints.withdrawReceipt, async (c, { body }) => {
  const db = c.env.DB;
  const hash = await receiptHash(body.secret);
  const found = await findFlagForWithdrawal(db, { receiptHash: hash });
  if (!found) throw notFound('Flag');
  await withdraw(db, found.flag.id);
  const after = await findFlagForWithdrawal(db, { receiptHash: hash });
  const [flag] = await withProgress(db, [after?.flag ?? found.flag]);
  return flag ?? found.flag;
});
