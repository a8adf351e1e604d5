import { env } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../shared/auth';
import { api, count, enroll, expectError, rows } from '../helpers';

// Each test file runs against its own D1, and `env` is the object the worker behind SELF reads,
// so this file can empty the database and set the secret per test.
const BOOTSTRAP = 'FIRST-ADMIN-BOOTSTRAP-2026';

async function emptyDatabase() {
  const tables = ['audit', 'answers', 'questions', 'flags', 'tokens', 'sign_ins', 'codes', 'user_roles', 'users'];
  await env.DB.batch(tables.map((t) => env.DB.prepare(`DELETE FROM ${t}`)));
}

const bootstrap = (code = BOOTSTRAP) => api('/v1/auth/enroll', { body: { code, displayName: 'First Admin' } });

beforeEach(async () => {
  await emptyDatabase();
  env.BOOTSTRAP_CODE = BOOTSTRAP;
});

afterEach(() => {
  delete env.BOOTSTRAP_CODE;
});

describe('bootstrap code', () => {
  it('enrolls the first admin of an empty database, once', async () => {
    const res = await bootstrap();
    expect(res.status).toBe(200);
    const session = Session.parse(await res.json());
    expect(session.user).toMatchObject({ roles: ['admin'], displayName: 'First Admin', active: true });
    expect((await api('/v1/admin/settings', { token: session.token })).status).toBe(200);

    const again = await expectError(await bootstrap(), 401, 'unauthorized');
    expect(again.error.details).toEqual({ reason: 'bootstrap_used' });
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM tokens')).toBe(1);
    const audit = await rows<{ actor_id: string }>("SELECT actor_id FROM audit WHERE action = 'user.bootstrapped'");
    expect(audit).toEqual([{ actor_id: session.user.id }]);
    expect(await rows('SELECT user_id, method FROM sign_ins')).toEqual([
      { user_id: session.user.id, method: 'bootstrap' },
    ]);
  });

  it('accepts the secret typed in lower case', async () => {
    expect((await bootstrap(BOOTSTRAP.toLowerCase())).status).toBe(200);
  });

  it('is refused once any user exists', async () => {
    await enroll(['clinician']);
    await expectError(await bootstrap(), 401, 'unauthorized');
    expect(await count("SELECT COUNT(*) AS n FROM user_roles WHERE role = 'admin'")).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM audit WHERE action = 'user.bootstrapped'")).toBe(0);
  });

  it('lets exactly one of two concurrent bootstraps win', async () => {
    const results = await Promise.all([bootstrap(), bootstrap()]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM tokens')).toBe(1);
  });

  it('is not a code at all when BOOTSTRAP_CODE is unset', async () => {
    delete env.BOOTSTRAP_CODE;
    const body = await expectError(await bootstrap(), 401, 'unauthorized');
    expect(body.error.details).toEqual({ reason: 'unknown' });
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(0);
  });

  it('ignores a BOOTSTRAP_CODE shorter than 16 characters', async () => {
    env.BOOTSTRAP_CODE = 'SHORT-CODE';
    await expectError(await bootstrap('SHORT-CODE'), 401, 'unauthorized');
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBe(0);
  });
});
