/// <reference types="vite/client" />
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Me } from '../../shared/auth';
import { Flag } from '../../shared/flags';
import { DAY, resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll, enrollAdmin, expectError, flagBody, rows, sha256Hex } from './helpers';
import { call, fillRandom, type Operation, operations } from './rights-helpers';

// The test module and the worker behind SELF share one module graph, so setClock() moves the worker's clock.
afterEach(() => resetClock());

const MINUTE = 60_000;
const TTL = 90 * DAY;

describe('every non-public operation in /openapi.json refuses a bad token with 401', () => {
  let ops: Operation[] = [];
  beforeAll(async () => {
    ops = (await operations()).filter((o) => !o.isPublic);
  });

  async function expectAll401(label: string, send: (op: Operation) => Promise<Response>) {
    let checked = 0;
    for (const op of ops) {
      const res = await send(op);
      const text = await res.clone().text();
      expect(res.status, `${op.name} with ${label}: ${text}`).toBe(401);
      await expectError(res, 401, 'unauthorized');
      checked += 1;
    }
    expect(checked).toBeGreaterThan(40);
  }

  it('malformed Authorization headers', async () => {
    const headers = [
      'Bearer',
      'Bearer ',
      'bearer abc',
      'Basic dXNlcjpwYXNz',
      `Bearer ${'a'.repeat(19)}`,
      `Bearer ${'a'.repeat(201)}`,
      'Bearer abc.def.ghi',
      "Bearer ' OR 1=1 --abcdefghijklmnop",
      `Bearer ${'f'.repeat(64)} extra`,
      `Token ${'f'.repeat(64)}`,
    ];
    let i = 0;
    await expectAll401('a malformed header', (op) => {
      i += 1;
      return call(op, { headers: { authorization: headers[i % headers.length] as string } });
    });
  });

  it('a well-formed token that was never issued', async () => {
    await expectAll401('an unknown token', (op) =>
      call(op, { token: crypto.randomUUID().replace(/-/g, '').repeat(2) }),
    );
  });

  it('a token revoked by logout', async () => {
    const s = await enroll(['clinician', 'mentor', 'lead', 'admin', 'peer_supporter']);
    expect((await api('/v1/auth/logout', { method: 'POST', token: s.token })).status).toBe(200);
    await expectAll401('a revoked token', (op) => call(op, { token: s.token }));
  });

  it('a token past its expiry (moved clock)', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll(['clinician', 'mentor', 'lead', 'admin', 'peer_supporter']);
    setClock(() => Date.parse(s.expiresAt) + 1);
    await expectAll401('an expired token', (op) => call(op, { token: s.token }));
  });

  it('the token of a deactivated user', async () => {
    const admin = await enrollAdmin();
    const s = await enroll(['clinician', 'mentor', 'lead', 'peer_supporter']);
    const res = await api(`/v1/admin/users/${s.user.id}/deactivate`, { method: 'POST', token: admin.token });
    expect(res.status).toBe(200);
    await expectAll401('a deactivated user’s token', (op) => call(op, { token: s.token }));
  });

  it('a valid token in the URL instead of the header', async () => {
    const s = await enroll(['clinician', 'mentor', 'lead', 'admin', 'peer_supporter']);
    await expectAll401('a token in the query string', (op) =>
      call(op, {
        path: `${fillRandom(op.path)}?token=${s.token}&access_token=${s.token}&authorization=Bearer%20${s.token}`,
      }),
    );
  });
});

describe('token rotation past half its life', () => {
  const me = (token: string) => api('/v1/me', { token });
  const rotatedFrom = (res: Response) => res.headers.get('X-Curbside-Token');

  it('does not rotate a token younger than half its life', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll();
    setClock(() => start + TTL / 2 - MINUTE);
    const res = await me(s.token);
    expect(res.status).toBe(200);
    expect(rotatedFrom(res)).toBeNull();
  });

  it('hands a new token back, keeps the old one for a 5-minute grace, then refuses it', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll();
    const at = start + TTL / 2 + DAY;
    setClock(() => at);

    const res = await me(s.token);
    expect(res.status).toBe(200);
    const fresh = rotatedFrom(res) ?? '';
    expect(fresh).toMatch(/^[0-9a-f]{64}$/);
    expect(res.headers.get('X-Curbside-Token-Expires')).toBe(new Date(at + TTL).toISOString());
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    // Stored as its hash only, for the same user.
    const stored = await rows<{ hash: string }>('SELECT hash FROM tokens WHERE user_id = ?1', s.user.id);
    expect(stored.map((r) => r.hash).sort()).toEqual([await sha256Hex(s.token), await sha256Hex(fresh)].sort());
    expect(JSON.stringify(stored)).not.toContain(fresh);

    // The new token works and is not rotated again; its session ends 90 days after rotation.
    const next = await me(fresh);
    expect(next.status).toBe(200);
    expect(rotatedFrom(next)).toBeNull();
    expect(Me.parse(await next.json()).user.id).toBe(s.user.id);

    // In-flight requests with the old token still succeed within the grace, without another rotation.
    setClock(() => at + 4 * MINUTE);
    const inFlight = await api('/v1/flags', { token: s.token, body: flagBody() });
    expect(inFlight.status).toBe(201);
    expect(rotatedFrom(inFlight)).toBeNull();

    setClock(() => at + 5 * MINUTE + 1);
    await expectError(await me(s.token), 401, 'unauthorized');
    expect((await me(fresh)).status).toBe(200);
  });

  it('rotates on a write too, and the write is kept', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll();
    setClock(() => start + TTL / 2 + 1);
    const body = flagBody();
    const res = await api('/v1/flags', { token: s.token, body });
    expect(res.status).toBe(201);
    expect(Flag.parse(await res.json()).clientId).toBe(body.clientId);
    const fresh = rotatedFrom(res) ?? '';
    const mine = await api('/v1/flags/mine', { token: fresh });
    expect(((await mine.json()) as { flags: { clientId: string }[] }).flags.map((f) => f.clientId)).toContain(
      body.clientId,
    );
  });

  it('issues exactly one new token when requests race with the old one', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll();
    setClock(() => start + TTL / 2 + DAY);
    const responses = await Promise.all(Array.from({ length: 6 }, () => me(s.token)));
    for (const res of responses) expect(res.status).toBe(200);
    expect(responses.map(rotatedFrom).filter(Boolean)).toHaveLength(1);
    expect(await rows('SELECT hash FROM tokens WHERE user_id = ?1', s.user.id)).toHaveLength(2);
  });

  it('does not slide a rotated token’s expiry past its grace', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll();
    const at = start + TTL / 2 + 2 * DAY;
    setClock(() => at);
    expect(rotatedFrom(await me(s.token))).not.toBeNull();
    setClock(() => at + 2 * MINUTE);
    expect((await me(s.token)).status).toBe(200);
    const [row] = await rows<{ expires_at: number }>(
      'SELECT expires_at FROM tokens WHERE hash = ?1',
      await sha256Hex(s.token),
    );
    expect(row?.expires_at).toBe(at + 5 * MINUTE);
  });

  it('issues no new token to a logout, which ends the session it was called with', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll();
    setClock(() => start + TTL / 2 + DAY);
    const res = await api('/v1/auth/logout', { method: 'POST', token: s.token });
    expect(res.status).toBe(200);
    expect(rotatedFrom(res)).toBeNull();
    expect(await rows('SELECT hash FROM tokens WHERE user_id = ?1 AND revoked_at IS NULL', s.user.id)).toHaveLength(0);
  });

  it('lets the extension read the new token across origins', async () => {
    const start = Date.now();
    setClock(() => start);
    const s = await enroll();
    setClock(() => start + TTL / 2 + DAY);
    const res = await api('/v1/me', { token: s.token, headers: { origin: 'chrome-extension://abcdefghijklmnop' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('chrome-extension://abcdefghijklmnop');
    const exposed = (res.headers.get('Access-Control-Expose-Headers') ?? '').toLowerCase();
    expect(exposed).toContain('x-curbside-token');
    expect(exposed).toContain('x-curbside-token-expires');
    expect(rotatedFrom(res)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('tokens never reach the logs', () => {
  it('writes nothing holding a token or a body to the console while serving requests', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    try {
      const s = await enroll();
      const marker = 'Scanner at bay four keeps timing out';
      await api('/v1/flags', { token: s.token, body: flagBody({ text: marker }) });
      await api('/v1/flags', { token: s.token, body: '{"broken' });
      await api('/v1/me', { token: `${s.token.slice(0, 60)}dead` });
      await api('/v1/nothing-here', { token: s.token });
      await api('/v1/flags', { token: s.token, body: flagBody({ minutesLost: 'lots', text: marker }) });
      const logged = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(' '))).join('\n');
      expect(logged).not.toContain(s.token);
      expect(logged).not.toContain(s.token.slice(0, 16));
      expect(logged).not.toContain(marker);
      expect(logged.toLowerCase()).not.toContain('bearer');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('worker source never logs requests or tokens', () => {
  // The worker's own source, read through Vite at test time.
  const sources = import.meta.glob('../../worker/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<
    string,
    string
  >;

  it('reads the source', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    expect(Object.keys(sources)).toContain('../../worker/middleware/auth.ts');
  });

  it('has no console call that prints headers, bodies, the request, or a token', () => {
    const offending: string[] = [];
    for (const [file, text] of Object.entries(sources)) {
      for (const match of text.matchAll(/console\.\w+\(([\s\S]*?)\);/g)) {
        const args = match[1] ?? '';
        if (
          /header|authorization|token|body|json\(|\.raw\b|c\.req(?!\.method|\.routePath)|request\b|text\(\)/i.test(args)
        ) {
          offending.push(`${file}: console.${args.slice(0, 120)}`);
        }
      }
    }
    expect(offending).toEqual([]);
  });

  it('never reads a token from the URL', () => {
    for (const [file, text] of Object.entries(sources)) {
      expect(text, file).not.toMatch(/query\(\s*['"](token|access_token|auth)/i);
      expect(text, file).not.toMatch(/searchParams\.get\(\s*['"](token|access_token)/i);
    }
  });
});
