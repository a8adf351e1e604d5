import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../shared/api';
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
 * Where a message's button lands: a plain page on this API's own https address (chat apps and mail
 * open only web links, and an extension's pages are not reachable from the web). It holds no data,
 * needs no sign-in and says where the item waits. `target` is `inbox`, `dashboard` or `question/<id>`.
 */
const GO_TEXT: Record<string, { title: string; body: string }> = {
  question: {
    title: 'An urgent question is waiting',
    body: 'Open Curbside from your browser’s toolbar and choose Mentor inbox: urgent questions are at the top. If a colleague has claimed it, it no longer shows as waiting.',
  },
  inbox: { title: 'Your mentor inbox', body: 'Open Curbside from your browser’s toolbar and choose Mentor inbox.' },
  dashboard: {
    title: 'Your hotspots',
    body: 'Open Curbside from your browser’s toolbar and choose Hotspots dashboard.',
  },
};

const goPage = (text: { title: string; body: string }) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Curbside · ${text.title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5"><h1>${text.title}</h1><p>${text.body}</p></body></html>`;

for (const path of ['/go/question/:id', '/go/inbox', '/go/dashboard']) {
  digestRoutes.get(path, (c) => {
    const key = path.split('/')[2] ?? 'inbox';
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    c.header('Referrer-Policy', 'no-referrer');
    return c.html(goPage(GO_TEXT[key] ?? { title: 'Curbside', body: '' }));
  });
}
