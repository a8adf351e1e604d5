import { OpenAPIHono } from '@hono/zod-openapi';
import { endpoints } from '../../../shared/api';
import type { Role } from '../../../shared/enums';
import { auditStatement } from '../../db/audit';
import { revokeUserTokensStatement } from '../../db/tokens';
import {
  deactivateUnlessLastAdmin,
  getUser,
  listUsers,
  removeAdminUnlessLast,
  setRolesStatements,
  updateUserStatement,
} from '../../db/users';
import type { AppEnv } from '../../env';
import { now } from '../../lib/clock';
import { ApiError, conflict, notFound } from '../../lib/errors';
import { requireAuth } from '../../lib/require-auth';
import { requireActiveUnit } from '../../services/validation';
import { register } from '../register';

export const userRoutes = new OpenAPIHono<AppEnv>();

function peerSupporterChange(before: readonly Role[], after: readonly Role[]) {
  const had = before.includes('peer_supporter');
  const has = after.includes('peer_supporter');
  return had === has ? null : has ? 'peer_supporter.granted' : 'peer_supporter.removed';
}

const lastAdmin = () => conflict('Curbside needs at least one active admin; make someone else admin first');

register(userRoutes, endpoints.adminListUsers, async (c, { query }) => ({
  users: await listUsers(c.env.DB, {
    q: query.q,
    role: query.role,
    active: query.active === undefined ? undefined : query.active === 'true',
  }),
}));

register(userRoutes, endpoints.adminPatchUser, async (c, { params, body }) => {
  const { user: actor } = requireAuth(c);
  const db = c.env.DB;
  const target = await getUser(db, params.id);
  if (!target) throw notFound('User');
  await requireActiveUnit(db, body.unitId);
  const losesAdmin = body.roles && target.roles.includes('admin') && !body.roles.includes('admin');
  // Taken first, on its own and guarded, so the last active admin cannot be lost to a race.
  if (losesAdmin && !(await removeAdminUnlessLast(db, target.id))) throw lastAdmin();
  const at = now();
  const roles = body.roles ? [...new Set(body.roles)] : undefined;
  // Peer supporters see every grant and removal of their role (GET /v1/peer-support/audit).
  const peerChange = roles ? peerSupporterChange(target.roles, roles) : null;
  await db.batch([
    updateUserStatement(db, target.id, body),
    ...(roles ? setRolesStatements(db, target.id, roles) : []),
    auditStatement(db, {
      at,
      actorId: actor.id,
      action: 'user.updated',
      target: target.id,
      details: { fields: Object.keys(body), ...(roles ? { roles } : {}) },
    }),
    ...(peerChange ? [auditStatement(db, { at, actorId: actor.id, action: peerChange, target: target.id })] : []),
  ]);
  const updated = await getUser(db, target.id);
  if (!updated) throw new ApiError(500, 'internal', 'The user was not updated');
  return updated;
});

register(userRoutes, endpoints.adminDeactivateUser, async (c, { params }) => {
  const { user: actor } = requireAuth(c);
  const db = c.env.DB;
  const target = await getUser(db, params.id);
  if (!target) throw notFound('User');
  // Guarded in the same statement that deactivates, so two admins cannot both step down at once.
  if (!(await deactivateUnlessLastAdmin(db, target.id))) throw lastAdmin();
  const at = now();
  await db.batch([
    revokeUserTokensStatement(db, target.id, at),
    auditStatement(db, { at, actorId: actor.id, action: 'user.deactivated', target: target.id }),
  ]);
  const updated = await getUser(db, target.id);
  if (!updated) throw new ApiError(500, 'internal', 'The user was not updated');
  return updated;
});
