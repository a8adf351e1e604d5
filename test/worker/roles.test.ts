import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/auth';
import { Role } from '../../shared/enums';
import { api, enroll, expectError, randomId } from './helpers';

interface Operation {
  'x-roles'?: string[];
  requestBody?: unknown;
}

type Doc = { paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

// Built from the live document, so a new route is covered the moment it is registered.
async function operations() {
  const res = await api('/openapi.json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as Doc;
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      // SCIM has its own credential and error shape: test/worker/routes/scim.test.ts.
      .filter(([method, op]) => METHODS.includes(method) && !op['x-roles']?.includes('scim'))
      .map(([method, op]) => ({ path, method, op, name: `${method.toUpperCase()} ${path}` })),
  );
}

function call(path: string, method: string, op: Operation, token?: string) {
  const url = path.replace(/\{\w+\}/g, randomId());
  return api(url, { method: method.toUpperCase(), token, body: op.requestBody ? {} : undefined });
}

describe('roles on every route in /openapi.json', () => {
  const sessions = {} as Record<Role, Session>;

  beforeAll(async () => {
    for (const role of Role.options) sessions[role] = await enroll([role]);
  });

  it('documents at least the contract’s routes', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThanOrEqual(25);
    expect(ops.map((o) => o.name)).toContain('POST /v1/flags');
  });

  it('names x-roles on every operation, from the known roles or public', async () => {
    for (const { name, op } of await operations()) {
      expect(op['x-roles'], name).toBeInstanceOf(Array);
      expect(op['x-roles']?.length, name).toBeGreaterThan(0);
      for (const role of op['x-roles'] ?? []) expect([...Role.options, 'public'], name).toContain(role);
    }
  });

  it('returns 401 in the one error shape without a token, except on public routes', async () => {
    for (const { path, method, op, name } of await operations()) {
      const res = await call(path, method, op);
      if (op['x-roles']?.includes('public')) {
        expect(res.status, name).not.toBe(401);
        expect(res.status, name).toBeLessThan(500);
        continue;
      }
      const body = await expectError(res, 401, 'unauthorized');
      expect(body.error.message, name).toBeTruthy();
    }
  });

  it('returns 403 in the one error shape for every role the route does not allow', async () => {
    let checked = 0;
    for (const { path, method, op, name } of await operations()) {
      const allowed = op['x-roles'] ?? [];
      if (allowed.includes('public')) continue;
      for (const role of Role.options.filter((r) => !allowed.includes(r))) {
        const res = await call(path, method, op, sessions[role].token);
        const text = await res.clone().text();
        expect(res.status, `${name} as ${role}: ${text}`).toBe(403);
        await expectError(res, 403, 'forbidden');
        checked += 1;
      }
    }
    // Admin routes refuse three roles each, reporter routes refuse admins: far more than zero checks.
    expect(checked).toBeGreaterThan(40);
  });

  it('lets every allowed role past the role check without a server error', async () => {
    for (const { path, method, op, name } of await operations()) {
      const allowed = (op['x-roles'] ?? []).filter((r): r is Role => Role.safeParse(r).success);
      for (const role of allowed) {
        const res = await call(path, method, op, sessions[role].token);
        const status = `${name} as ${role}: ${res.status} ${await res.clone().text()}`;
        expect([401, 403], status).not.toContain(res.status);
        expect(res.status, status).toBeLessThan(500);
        // Logging out would end this role's session for the routes that follow.
        if (path.startsWith('/v1/auth/logout')) sessions[role] = await enroll([role]);
      }
    }
  });
});
