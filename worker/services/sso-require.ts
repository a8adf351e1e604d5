import { auditStatement } from '../db/audit';
import { findCodeByHash } from '../db/codes';
import { getSsoSettings } from '../db/sso';
import { getUser } from '../db/users';
import { ApiError } from '../lib/errors';

/**
 * Under "require SSO", a code signs in an admin only (break-glass, for when the identity provider is
 * down or misconfigured), and every such use is audited. Others are refused before the code is used,
 * so a refused attempt spends nothing. An unknown code goes on to the usual refusal.
 */
export async function allowCodeSignIn(db: D1Database, codeHash: string, at: number): Promise<void> {
  if (!(await getSsoSettings(db)).requireSso) return;
  const code = await findCodeByHash(db, codeHash);
  if (!code) return;
  const roles = code.kind === 'signin' && code.userId ? ((await getUser(db, code.userId))?.roles ?? []) : code.roles;
  const admin = roles.includes('admin');
  await auditStatement(db, {
    at,
    actorId: code.userId,
    subjectId: code.userId,
    action: admin ? 'sso.break_glass_code' : 'sso.code_refused',
    target: code.id,
  }).run();
  if (!admin)
    throw new ApiError(403, 'forbidden', 'Your organisation signs in to Curbside with its own account', {
      reason: 'sso_required',
    });
}
