import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
import { allowedFrom, ME_TOO_TEXT, STATUS_NEXT } from '../../shared/hotspots';
import { auditStatement } from '../db/audit';
import { getHotspot, listRoots, mergeHotspot, setResponse, setStatus, unmergeHotspot } from '../db/hotspots';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { createFlagOnce } from '../services/flag-write';
import {
  buildHotspotDetail,
  buildHotspotList,
  FIRST_WEEK,
  requireKnownFilters,
  toSystemHotspots,
  weekWindow,
} from '../services/hotspot-views';
import { buildBreakdown } from '../services/kanon-views';
import { invalid } from '../services/validation';
import { register } from './register';

/**
 * Hotspots: ranked, drilled into, answered and merged by leads and admins; a screen's hotspots and "me too"
 * for reporters. Static paths (`by-system`, `breakdown`) are registered before `{id}` in this one router.
 */
export const hotspotRoutes = new OpenAPIHono<AppEnv>();

register(hotspotRoutes, endpoints.hotspotsBySystem, async (c, { query }) => {
  const db = c.env.DB;
  const roots = await listRoots(db, { host: query.host, withResponses: true });
  const k = (await getSettings(db)).kAnonymity;
  return { hotspots: await toSystemHotspots(db, roots, k, requireAuth(c).user.id) };
});

register(hotspotRoutes, endpoints.listHotspots, async (c, { query }) => {
  const db = c.env.DB;
  await requireKnownFilters(db, query);
  return buildHotspotList(db, query, await getSettings(db), requireAuth(c).user.id);
});

register(hotspotRoutes, endpoints.hotspotBreakdown, async (c, { query }) => {
  const db = c.env.DB;
  const k = (await getSettings(db)).kAnonymity;
  const { fromWeek, toWeek, range } = weekWindow(query.from, query.to);
  return buildBreakdown(
    db,
    { fromWeek: fromWeek ?? FIRST_WEEK, toWeek, range },
    query.category,
    k,
    requireAuth(c).user.id,
  );
});

register(hotspotRoutes, endpoints.getHotspot, async (c, { params }) => {
  return buildHotspotDetail(c.env.DB, params.id, await getSettings(c.env.DB), requireAuth(c).user.id);
});

register(hotspotRoutes, endpoints.patchHotspot, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const h = await getHotspot(db, params.id);
  if (!h) throw notFound('Hotspot');
  if (h.mergedInto) throw conflict('This hotspot is merged into another; change that one', { mergedInto: h.rootId });
  const at = now();
  if (body.status !== undefined && body.status !== h.status) {
    const from = allowedFrom(body.status);
    if (from.length === 0) throw invalid('status', `A hotspot cannot move back to ${body.status}`);
    const moved = await setStatus(db, h.id, body.status, from, at);
    if (!moved) {
      const current = (await getHotspot(db, h.id))?.status ?? h.status;
      throw conflict(
        `A hotspot moves one step at a time: from ${current} it can go to ${STATUS_NEXT[current].join(' or ') || 'nothing further'}`,
        {
          from: current,
          to: body.status,
          allowed: STATUS_NEXT[current],
        },
      );
    }
    await auditStatement(db, {
      at,
      actorId: user.id,
      action: 'hotspot.status_changed',
      target: h.id,
      details: { from: h.status, to: body.status },
    }).run();
  }
  if (body.response !== undefined || body.title !== undefined) {
    const updated = await setResponse(db, h.id, { response: body.response, title: body.title }, user.id, at);
    if (!updated) throw conflict('This hotspot was merged meanwhile; change its target');
    await auditStatement(db, {
      at,
      actorId: user.id,
      action: 'hotspot.response_changed',
      target: h.id,
      details: { response: body.response === undefined ? 'unchanged' : body.response === null ? 'cleared' : 'set' },
    }).run();
  }
  return buildHotspotDetail(db, h.id, await getSettings(db), user.id);
});

register(hotspotRoutes, endpoints.mergeHotspot, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  if (body.into === params.id) throw invalid('into', 'A hotspot cannot be merged into itself');
  const [h, target] = await Promise.all([getHotspot(db, params.id), getHotspot(db, body.into)]);
  if (!h) throw notFound('Hotspot');
  if (!target) throw invalid('into', 'Unknown hotspot');
  if (h.mergedInto) throw conflict('This hotspot is already merged; undo that first', { mergedInto: h.mergedInto });
  // Merging into a merged hotspot goes to its final target; that target cannot be this one.
  const final = target.rootId;
  if (final === h.id) throw invalid('into', 'That hotspot is merged into this one; merging back would make a cycle');
  if (!(await mergeHotspot(db, h.id, final))) throw conflict('The hotspots changed meanwhile; reload and try again');
  await auditStatement(db, {
    at: now(),
    actorId: user.id,
    action: 'hotspot.merged',
    target: h.id,
    details: { into: final },
  }).run();
  return buildHotspotDetail(db, final, await getSettings(db), user.id);
});

register(hotspotRoutes, endpoints.unmergeHotspot, async (c, { params }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const h = await getHotspot(db, params.id);
  if (!h) throw notFound('Hotspot');
  if (!h.mergedInto) throw conflict('This hotspot is not merged');
  if (!(await unmergeHotspot(db, h.id, h.rootId))) throw conflict('The merge was already undone');
  await auditStatement(db, {
    at: now(),
    actorId: user.id,
    action: 'hotspot.unmerged',
    target: h.id,
    details: { from: h.rootId },
  }).run();
  return buildHotspotDetail(db, h.id, await getSettings(db), user.id);
});

register(hotspotRoutes, endpoints.meToo, async (c, { params, body }) => {
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
