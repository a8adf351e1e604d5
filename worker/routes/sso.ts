import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { z } from 'zod';
import { endpoints } from '../../shared/api';
import { type SsoProviderInput, SsoSettings } from '../../shared/sso';
import { auditStatement } from '../db/audit';
import { insertScimTokenStatement, liveScimTokenCreatedAt, revokeScimTokensStatement } from '../db/scim';
import {
  deleteProviderStatement,
  findProviderIdByIssuer,
  getProvider,
  getSsoSettings,
  listProviders,
  putSsoSettingsStatement,
  upsertProviderStatement,
} from '../db/sso';
import type { AppEnv } from '../env';
import { now, toIso } from '../lib/clock';
import { newId, randomHex, sha256Hex } from '../lib/crypto';
import { conflict, notFound } from '../lib/errors';
import { requireAuth } from '../lib/require-auth';
import { completeSignIn, refusalAudit, startSignIn } from '../services/sso';
import { signInWithAccess } from '../services/sso-access';
import { requireMappedUnits } from '../services/sso-mapping';
import { forgetSsoMetadata } from '../services/sso-metadata';
import { register } from './register';

export const ssoRoutes = new OpenAPIHono<AppEnv>();

register(ssoRoutes, endpoints.ssoProviders, async (c) => {
  const providers = await listProviders(c.env.DB);
  const { requireSso } = await getSsoSettings(c.env.DB);
  return { providers: providers.map((p) => ({ id: p.id, label: p.label, kind: p.kind })), requireSso };
});

register(ssoRoutes, endpoints.ssoStart, async (c, { body }) => {
  const at = now();
  try {
    return await startSignIn(c.env, body, at);
  } catch (e) {
    await refusalAudit(c.env.DB, e, at, null).run();
    throw e;
  }
});

register(ssoRoutes, endpoints.ssoComplete, async (c, { body }) => {
  const at = now();
  try {
    const { providerId: _, ...session } = await completeSignIn(c.env, body, at);
    return session;
  } catch (e) {
    await refusalAudit(c.env.DB, e, at, null).run();
    throw e;
  }
});

register(ssoRoutes, endpoints.ssoAccess, async (c) => {
  const at = now();
  try {
    const { providerId: _, ...session } = await signInWithAccess(c.env, c.req.header('cf-access-jwt-assertion'), at);
    return session;
  } catch (e) {
    await refusalAudit(c.env.DB, e, at, null).run();
    throw e;
  }
});

register(ssoRoutes, endpoints.adminSso, async (c) => {
  const created = await liveScimTokenCreatedAt(c.env.DB);
  return {
    settings: await getSsoSettings(c.env.DB),
    providers: await listProviders(c.env.DB),
    scimTokenCreatedAt: created === null ? null : toIso(created),
  };
});

async function saveProvider(c: Context<AppEnv>, id: string, body: z.output<typeof SsoProviderInput>) {
  const at = now();
  const { user } = requireAuth(c);
  // Issuers are compared exactly (OIDC Discovery §4.3); a pasted trailing slash is not part of one.
  const provider = { ...body, id, issuer: body.issuer.replace(/\/+$/, '') };
  const holder = await findProviderIdByIssuer(c.env.DB, provider.issuer);
  if (holder && holder !== id) throw conflict('Another provider has this issuer', { providerId: holder });
  await c.env.DB.batch([
    upsertProviderStatement(c.env.DB, provider, at),
    auditStatement(c.env.DB, { at, actorId: user.id, action: 'sso.provider_saved', target: id }),
  ]);
  forgetSsoMetadata();
  const saved = await getProvider(c.env.DB, id);
  if (!saved) throw notFound('Identity provider');
  return saved;
}

register(ssoRoutes, endpoints.adminCreateSsoProvider, (c, { body }) => saveProvider(c, newId(), body));

register(ssoRoutes, endpoints.adminPutSsoProvider, async (c, { params, body }) => {
  if (!(await getProvider(c.env.DB, params.id))) throw notFound('Identity provider');
  return saveProvider(c, params.id, body);
});

register(ssoRoutes, endpoints.adminDeleteSsoProvider, async (c, { params }) => {
  const at = now();
  const { user } = requireAuth(c);
  const [deleted] = await c.env.DB.batch([
    deleteProviderStatement(c.env.DB, params.id),
    auditStatement(c.env.DB, { at, actorId: user.id, action: 'sso.provider_deleted', target: params.id }),
  ]);
  if ((deleted?.meta.changes ?? 0) === 0) throw notFound('Identity provider');
  return { ok: true as const };
});

register(ssoRoutes, endpoints.adminPatchSsoSettings, async (c, { body }) => {
  const at = now();
  const { user } = requireAuth(c);
  const next = SsoSettings.parse({ ...(await getSsoSettings(c.env.DB)), ...body });
  if (body.mappings) await requireMappedUnits(c.env.DB, next.mappings);
  await c.env.DB.batch([
    putSsoSettingsStatement(c.env.DB, next, at),
    auditStatement(c.env.DB, {
      at,
      actorId: user.id,
      action: 'sso.settings_changed',
      details: { requireSso: next.requireSso, mappings: next.mappings.length },
    }),
  ]);
  return next;
});

register(ssoRoutes, endpoints.adminCreateScimToken, async (c) => {
  const at = now();
  const { user } = requireAuth(c);
  const token = `scim_${randomHex(32)}`;
  const id = newId();
  await c.env.DB.batch([
    revokeScimTokensStatement(c.env.DB, at),
    insertScimTokenStatement(c.env.DB, { id, hash: await sha256Hex(token), createdBy: user.id, at }),
    auditStatement(c.env.DB, { at, actorId: user.id, action: 'scim.token_created', target: id }),
  ]);
  return { token, createdAt: toIso(at) };
});
