import { SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as bundled from 'zod';

// The worker bundles zod through worker/lib/shims/zod.ts (wrangler.jsonc `alias`, vitest.config.ts too).
describe('the worker’s zod', () => {
  it('leaves out the locales, the JSON Schema converters and compile', () => {
    expect(bundled.z.locales).toBeUndefined();
    expect(bundled.z.toJSONSchema).toBeUndefined();
    expect(bundled.z.fromJSONSchema).toBeUndefined();
    expect(bundled.z.core).toBeUndefined();
    expect(bundled.z.compile).toBeUndefined();
  });

  it('still validates, with English messages', () => {
    const r = bundled.z.object({ n: bundled.z.number().int() }).safeParse({ n: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/expected number/i);
  });

  it('still describes the API (zod-to-openapi)', async () => {
    const res = await SELF.fetch('http://api.test/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).length).toBeGreaterThan(20);
  });

  it('answers a malformed request with validation details', async () => {
    const res = await SELF.fetch('http://api.test/v1/auth/enroll', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Curbside-Version': '9.9.9' },
      body: JSON.stringify({ code: 5 }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
