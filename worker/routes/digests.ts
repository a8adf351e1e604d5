import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { endpoints } from '../../shared/api';
import { Id } from '../../shared/ids';
import { auditStatement } from '../db/audit';
import {
  type ChannelRow,
  findChannelByClientId,
  insertChannel,
  listChannelRows,
  patchChannel,
  putDigestSettings,
  requeueDelivery,
} from '../db/channels';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { forbidden, notFound } from '../lib/errors';
import { extensionIds, type GoTarget, goPage } from '../lib/go-page';
import { requireAuth } from '../lib/require-auth';
import { deliveriesFor, digestSettings, secretOf, toChannel } from '../services/channels';
import { deliverIds } from '../services/deliveries';
import { digestFor } from '../services/digests';
import { createOnce } from '../services/idempotent';
import { register } from './register';

/** A reader's weekly digest, and the channels admins send digests and urgent alerts to. */
export const digestRoutes = new OpenAPIHono<AppEnv>();

register(digestRoutes, endpoints.myDigest, async (c, { query }) => {
  const { user } = requireAuth(c);
  if (!user.roles.includes(query.role)) throw forbidden('You do not hold this role');
  const db = c.env.DB;
  // In the extension the reader sees what their own surface already shows them (a hotspot's title, the
  // public response on their flags): the organisation's free-text switch governs only what leaves for chat.
  return digestFor({ db, settings: await getSettings(db), at: now(), freeText: true }, query.role, user.id);
});

register(digestRoutes, endpoints.adminListChannels, async (c) => ({
  channels: (await listChannelRows(c.env.DB)).map(toChannel),
}));

register(digestRoutes, endpoints.adminCreateChannel, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const stored = (row: ChannelRow | null) =>
    row && { item: toChannel(row), bodyHash: row.body_hash, sameSender: row.created_by === user.id };
  const at = now();
  const channel = await createOnce(c, body, {
    find: async () => stored(await findChannelByClientId(db, body.clientId)),
    validate: async () => {
      secretOf(body, c.env.ENVIRONMENT === 'production');
    },
    insert: (bodyHash) =>
      insertChannel(db, {
        id: newId(),
        client_id: body.clientId,
        body_hash: bodyHash,
        kind: body.kind,
        label: body.label,
        secret: JSON.stringify(secretOf(body, c.env.ENVIRONMENT === 'production')),
        digest_roles: JSON.stringify(body.digestRoles),
        urgent_alerts: body.urgentAlerts ? 1 : 0,
        active: 1,
        created_by: user.id,
        created_at: at,
      }),
  });
  if (!c.get('replayed')) {
    // Links in messages lead back to this API: its public address is the one the admin reached.
    const current = await digestSettings(db);
    await putDigestSettings(db, { ...current, linkBase: new URL(c.req.url).origin });
    await auditStatement(db, {
      at,
      actorId: user.id,
      action: 'channel.created',
      details: { kind: channel.kind, label: channel.label },
    }).run();
  }
  return channel;
});

register(digestRoutes, endpoints.adminPatchChannel, async (c, { params, body }) => {
  const { user } = requireAuth(c);
  const row = await patchChannel(c.env.DB, params.id, body);
  if (!row) throw notFound('Channel');
  await auditStatement(c.env.DB, {
    at: now(),
    actorId: user.id,
    action: 'channel.updated',
    details: { fields: Object.keys(body) },
  }).run();
  return toChannel(row);
});

register(digestRoutes, endpoints.adminGetDigestSettings, async (c) => digestSettings(c.env.DB));

register(digestRoutes, endpoints.adminPatchDigestSettings, async (c, { body }) => {
  const { user } = requireAuth(c);
  const next = { ...(await digestSettings(c.env.DB)), ...body, linkBase: new URL(c.req.url).origin };
  await putDigestSettings(c.env.DB, next);
  await auditStatement(c.env.DB, {
    at: now(),
    actorId: user.id,
    action: 'settings.updated',
    details: { fields: Object.keys(body).map((k) => `digest.${k}`) },
  }).run();
  return next;
});

register(digestRoutes, endpoints.adminListDeliveries, async (c) => ({
  deliveries: await deliveriesFor(c.env.DB),
}));

register(digestRoutes, endpoints.adminRetryDelivery, async (c, { params }) => {
  const db = c.env.DB;
  if (!(await requeueDelivery(db, params.id, now()))) throw notFound('Delivery');
  await deliverIds(c.env, [params.id]);
  const [delivery] = await deliveriesFor(db, params.id);
  if (!delivery) throw notFound('Delivery');
  return delivery;
});

/**
 * Where a message's button lands (worker/lib/go-page.ts): `inbox`, `dashboard` or `question/<id>`. A
 * malformed id gets the page without the request to open it.
 */
function sendGoPage(c: Context<AppEnv>, kind: GoTarget['open'], target: GoTarget | null) {
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const { html, csp } = goPage(kind, target, extensionIds(c.env.EXTENSION_IDS), nonce);
  c.header('Cache-Control', 'no-store');
  c.header('Content-Security-Policy', csp);
  c.header('Referrer-Policy', 'no-referrer');
  return c.html(html);
}

digestRoutes.get('/go/question/:id', (c) => {
  const id = c.req.param('id');
  return sendGoPage(c, 'question', Id.safeParse(id).success ? { open: 'question', id } : null);
});
digestRoutes.get('/go/inbox', (c) => sendGoPage(c, 'inbox', { open: 'inbox' }));
digestRoutes.get('/go/dashboard', (c) => sendGoPage(c, 'dashboard', { open: 'dashboard' }));
