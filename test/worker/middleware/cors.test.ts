import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { BASE } from '../helpers';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function preflight(origin: string, path = '/v1/flags') {
  return SELF.fetch(`${BASE}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type, x-curbside-version',
    },
  });
}

describe('CORS', () => {
  it('allows a preflight from a Chrome extension origin', async () => {
    const res = await preflight(EXTENSION);
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    const allowed = res.headers.get('Access-Control-Allow-Headers')?.toLowerCase() ?? '';
    for (const h of ['authorization', 'content-type', 'x-curbside-version']) expect(allowed).toContain(h);
    expect(res.headers.get('Access-Control-Allow-Methods')).toContain('PATCH');
  });

  it('allows a Firefox extension origin', async () => {
    const origin = 'moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    expect((await preflight(origin)).headers.get('Access-Control-Allow-Origin')).toBe(origin);
  });

  it('does not allow a preflight from an arbitrary web origin', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('does not allow a look-alike origin', async () => {
    for (const origin of ['https://chrome-extension.evil.example', 'chrome-extension://abc/../evil', 'null']) {
      expect((await preflight(origin)).headers.get('Access-Control-Allow-Origin'), origin).toBeNull();
    }
  });

  it('exposes the request id to the extension on a real request', async () => {
    const res = await SELF.fetch(`${BASE}/health`, { headers: { Origin: EXTENSION } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-Request-Id');
  });

  it('gives an evil origin no allow-origin on a real request either', async () => {
    const res = await SELF.fetch(`${BASE}/health`, { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('allows local development pages only outside production', async () => {
    const local = 'http://localhost:5173';
    expect((await preflight(local)).headers.get('Access-Control-Allow-Origin')).toBe(local);
    const previous = env.ENVIRONMENT;
    env.ENVIRONMENT = 'production';
    try {
      expect((await preflight(local)).headers.get('Access-Control-Allow-Origin')).toBeNull();
      expect((await preflight(EXTENSION)).headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    } finally {
      env.ENVIRONMENT = previous;
    }
  });
});

describe('CORS on every answer', () => {
  it('lets the extension read an error answer too (allow-origin, exposed headers, Vary)', async () => {
    const res = await SELF.fetch(`${BASE}/v1/flags`, {
      method: 'POST',
      headers: { Origin: EXTENSION, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(EXTENSION);
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('Retry-After');
    expect(res.headers.get('Vary')).toBe('Origin');
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('answers a preflight with 204 and no body, whatever the origin', async () => {
    for (const origin of [EXTENSION, 'https://evil.example']) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
      expect(res.headers.get('Vary')).toContain('Origin');
      expect(res.headers.get('Access-Control-Max-Age')).toBe('600');
    }
  });

  it('sends the bookmark header name among those a preflight allows and an answer exposes', async () => {
    expect((await preflight(EXTENSION)).headers.get('Access-Control-Allow-Headers')).toContain('X-D1-Bookmark');
    const res = await SELF.fetch(`${BASE}/health`, { headers: { Origin: EXTENSION } });
    expect(res.headers.get('Access-Control-Expose-Headers')).toContain('X-D1-Bookmark');
  });
});
