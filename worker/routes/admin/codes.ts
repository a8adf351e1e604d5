import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../../shared/api';
import { auditStatement } from '../../db/audit';
import { getCode, insertCodeStatement, listCodes, revokeCode } from '../../db/codes';
import { getUser } from '../../db/users';
import type { AppEnv } from '../../env';
import { HOUR, now } from '../../lib/clock';
import { newId, sha256Hex } from '../../lib/crypto';
import { ApiError, notFound } from '../../lib/errors';
import { requireAuth } from '../../lib/require-auth';
import { generateCode, normaliseCode } from '../../services/session';
import { invalid, requireActiveUnit } from '../../services/validation';
import { register } from '../register';

export const codeRoutes = new OpenAPIHono<AppEnv>();

register(codeRoutes, endpoints.adminCreateCode, async (c, { body }) => {
  const { user } = requireAuth(c);
  const db = c.env.DB;
  const at = now();
  if (body.kind === 'enroll') await requireActiveUnit(db, body.unitId);
  if (body.kind === 'signin') {
    const target = await getUser(db, body.userId);
    if (!target) throw invalid('userId', 'Unknown user');
    if (!target.active) throw invalid('userId', 'That user is deactivated');
    // An admin signed in as a peer supporter could read the people they support: refused. Peer
    // supporters add a device with a code from one of their own devices (or enrol anew).
    if (target.roles.includes('peer_supporter') && target.id !== user.id)
      throw invalid(
        'userId',
        'Peer supporters cannot be given sign-in codes: they add a device from one of their own signed-in devices (“Sign-ins to my account”), or enrol anew',
      );
  }
  const code = generateCode();
  const id = newId();
  await db.batch([
    insertCodeStatement(db, {
      id,
      hash: await sha256Hex(normaliseCode(code)),
      kind: body.kind,
      roles: body.kind === 'enroll' ? body.roles : [],
      unitId: body.kind === 'enroll' ? (body.unitId ?? null) : null,
      discipline: body.kind === 'enroll' ? body.discipline : null,
      userId: body.kind === 'signin' ? body.userId : null,
      maxUses: body.kind === 'enroll' ? body.maxUses : 1,
      label: body.label ?? null,
      expiresAt: at + body.expiresInHours * HOUR,
      createdBy: user.id,
      createdAt: at,
    }),
    auditStatement(db, {
      at,
      actorId: user.id,
      // A sign-in code is about its user's account: it is listed in their "sign-ins to my account".
      subjectId: body.kind === 'signin' ? body.userId : null,
      action: 'code.created',
      target: id,
      details: { kind: body.kind },
    }),
  ]);
  const info = await getCode(db, id);
  if (!info) throw new ApiError(500, 'internal', 'The code was not stored');
  return { ...info, code };
});

register(codeRoutes, endpoints.adminListCodes, async (c) => ({ codes: await listCodes(c.env.DB) }));

register(codeRoutes, endpoints.adminRevokeCode, async (c, { params }) => {
  const { user } = requireAuth(c);
  const at = now();
  const info = await revokeCode(c.env.DB, params.id, at);
  if (!info) throw notFound('Code');
  await auditStatement(c.env.DB, {
    at,
    actorId: user.id,
    subjectId: info.userId,
    action: 'code.revoked',
    target: params.id,
  }).run();
  return info;
});
