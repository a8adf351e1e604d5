// Reads without limits (issue 20 §4): 300 similar-flags probes in 1.3 s were all answered, and
// locally every caller shared one limiter key. Runs in the `worker-limits` project (vitest.config.ts)
// on miniflare's simulation of Cloudflare's Rate Limiting binding, with low limits: 40 reads a minute
// per user, 20 searches (similar flags, KB search) per user, 100 reads per address, 4 code uses.
import { beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../shared/auth';
import { addressKey } from '../../worker/middleware/rate-limit';
import { api, expectError, makeCode, sha256Hex } from '../worker/helpers';

const USER_READS = 40;
const USER_SEARCHES = 20;
const IP_READS = 100;
const CODE_USES = 4;
const PROBES = 300;

let ipCounter = 0;
/** A fresh documentation-range address per call (not the range rate-limit.test.ts uses). */
const freshIp = () => {
  ipCounter += 1;
  return `203.0.${113 + Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
};

async function enroll(headers: Record<string, string> = { 'cf-connecting-ip': freshIp() }): Promise<Session> {
  const res = await api('/v1/auth/enroll', { body: { code: await makeCode() }, headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return Session.parse(await res.json());
}

async function expectRateLimited(res: Response) {
  expect(res.headers.get('Retry-After')).toBe('60');
  const body = await expectError(res, 429, 'rate_limited');
  expect(body.error.message).toMatch(/try again/i);
  expect(body.error.details).toEqual({ retryAfterSeconds: 60 });
}

/**
 * Sends up to `n` requests, ten at a time, as a probing loop would, and returns their responses in
 * order. Once one is refused it sends one more round and stops: the rest would be refused alike, and
 * a shorter burst stays inside the limiter's one-minute window on a slow machine.
 */
async function burst(n: number, send: (i: number) => Promise<Response>): Promise<Response[]> {
  const out: Response[] = [];
  let roundsAfterRefusal = -1;
  for (let i = 0; i < n && roundsAfterRefusal < 1; i += 10) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) => send(i + j)))));
    if (roundsAfterRefusal >= 0 || out.some((r) => r.status === 429)) roundsAfterRefusal += 1;
  }
  return out;
}

const statuses = (responses: Response[]) => responses.map((r) => r.status);
const answered = (responses: Response[]) => statuses(responses).filter((s) => s === 200).length;
const lastRefused = (responses: Response[]) => {
  const refused = responses.filter((r) => r.status === 429);
  expect(refused.length).toBeGreaterThan(0);
  return refused.at(-1) as Response;
};

// The simulated windows are aligned to the wall clock: start each test early in a window so its
// burst is counted in one.
beforeEach(async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((r) => setTimeout(r, left + 100));
}, 20_000);

/** Hundreds of real requests on a shared, loaded machine take longer than vitest's default 5 s. */
const BURST_TIMEOUT = 30_000;

describe('every read is limited per user and per address', () => {
  it(
    'refuses 300 similar-flags probes past the search limit with 429 and Retry-After',
    async () => {
      const ip = freshIp();
      const s = await enroll();
      const res = await burst(PROBES, (i) =>
        api('/v1/flags/similar', {
          token: s.token,
          body: { host: 'ehr.example.org', text: `probe word${i} medication reconciliation` },
          headers: { 'cf-connecting-ip': ip },
        }),
      );
      expect(answered(res)).toBeLessThanOrEqual(USER_SEARCHES);
      expect(answered(res)).toBeGreaterThan(0);
      expect(new Set(statuses(res))).toEqual(new Set([200, 429]));
      await expectRateLimited(lastRefused(res));
    },
    BURST_TIMEOUT,
  );

  it(
    'limits knowledge-base search the same way',
    async () => {
      const s = await enroll();
      const res = await burst(PROBES, (i) =>
        api('/v1/kb/search', {
          token: s.token,
          body: { query: `heparin order ${i}` },
          headers: { 'cf-connecting-ip': freshIp() },
        }),
      );
      expect(answered(res)).toBeLessThanOrEqual(USER_SEARCHES);
      await expectRateLimited(lastRefused(res));
    },
    BURST_TIMEOUT,
  );

  it(
    'limits plain GET reads per user, whatever address they come from',
    async () => {
      const s = await enroll();
      const res = await burst(PROBES, () =>
        api('/v1/flags/mine', { token: s.token, headers: { 'cf-connecting-ip': freshIp() } }),
      );
      expect(answered(res)).toBeLessThanOrEqual(USER_READS);
      expect(answered(res)).toBeGreaterThan(USER_SEARCHES);
      await expectRateLimited(lastRefused(res));
      // Another user is unaffected.
      const other = await enroll();
      expect(
        (await api('/v1/flags/mine', { token: other.token, headers: { 'cf-connecting-ip': freshIp() } })).status,
      ).toBe(200);
    },
    BURST_TIMEOUT,
  );

  it(
    'limits the Ask form’s coverage read per user like every other read',
    async () => {
      const s = await enroll();
      const res = await burst(PROBES, (i) =>
        api(`/v1/routing/coverage?disciplineWanted=${i % 2 ? 'pharmacy' : 'any'}`, {
          token: s.token,
          headers: { 'cf-connecting-ip': freshIp() },
        }),
      );
      expect(answered(res)).toBeLessThanOrEqual(USER_READS);
      expect(answered(res)).toBeGreaterThan(0);
      await expectRateLimited(lastRefused(res));
    },
    BURST_TIMEOUT,
  );

  it(
    'limits reads per address, signed in or not',
    async () => {
      const ip = freshIp();
      // Many people behind one address, each well under their own limit, together over the address's.
      const users = [await enroll(), await enroll(), await enroll()];
      const res = await burst(IP_READS + 20, (i) =>
        api('/v1/flags/mine', { token: (users[i % 3] as Session).token, headers: { 'cf-connecting-ip': ip } }),
      );
      expect(answered(res)).toBeLessThanOrEqual(IP_READS);
      await expectRateLimited(lastRefused(res));
      // Reads with no valid session count against their address too (429 wins over 401).
      const flood = freshIp();
      const anonymous = await burst(IP_READS + 20, () =>
        api('/v1/flags/mine', { headers: { 'cf-connecting-ip': flood } }),
      );
      expect(statuses(anonymous).filter((s) => s === 401).length).toBeLessThanOrEqual(IP_READS);
      await expectRateLimited(lastRefused(anonymous));
      expect((await api('/health', { headers: { 'cf-connecting-ip': flood } })).status).toBe(429);
      expect((await api('/health', { headers: { 'cf-connecting-ip': freshIp() } })).status).toBe(200);
    },
    BURST_TIMEOUT,
  );
});

describe('local development: no address is no one’s key', () => {
  for (const [label, headers] of [
    ['no address at all (tests, scripts)', {}],
    ['the loopback address wrangler dev reports for every local caller', { 'cf-connecting-ip': '127.0.0.1' }],
  ] as const) {
    it(
      `keys reads by user with ${label}`,
      async () => {
        const a = await enroll({ ...headers });
        const b = await enroll({ ...headers });
        const res = await burst(USER_READS + 20, () =>
          api('/v1/flags/mine', { token: a.token, headers: { ...headers } }),
        );
        expect(answered(res)).toBeLessThanOrEqual(USER_READS);
        await expectRateLimited(lastRefused(res));
        // b shares "the address" with a, and is unaffected.
        expect((await api('/v1/flags/mine', { token: b.token, headers: { ...headers } })).status).toBe(200);
        const search = await api('/v1/flags/similar', {
          token: b.token,
          body: { host: 'ehr.example.org', text: 'medication reconciliation times out' },
          headers: { ...headers },
        });
        expect(search.status).toBe(200);
      },
      BURST_TIMEOUT,
    );

    it(
      `does not let one caller's enrolments block another's with ${label}`,
      async () => {
        for (let i = 0; i < CODE_USES + 2; i++) {
          const res = await api('/v1/auth/enroll', { body: { code: `GUESS-${i}-LOCAL` }, headers: { ...headers } });
          await expectError(res, 401, 'unauthorized');
        }
        const res = await api('/v1/auth/enroll', { body: { code: await makeCode() }, headers: { ...headers } });
        expect(res.status, await res.clone().text()).toBe(200);
      },
      BURST_TIMEOUT,
    );
  }

  it('keys by hashed address in production, where Cloudflare always sends one', async () => {
    const ip = '198.51.100.7';
    expect(await addressKey('production', ip, 'u1')).toBe(`ip:${await sha256Hex(ip)}`);
    expect(await addressKey('production', '127.0.0.1', 'u1')).toBe(`ip:${await sha256Hex('127.0.0.1')}`);
    // Locally a real (LAN) address still counts as an address…
    expect(await addressKey('development', ip, 'u1')).toBe(`ip:${await sha256Hex(ip)}`);
    // …while loopback or none falls back to the user, and to nothing without one.
    for (const local of [undefined, '', '127.0.0.1', '::1', '::ffff:127.0.0.1']) {
      expect(await addressKey('development', local, 'u1')).toBe('user:u1');
      expect(await addressKey('test', local, undefined)).toBeNull();
    }
    // In production a missing address (never seen on Cloudflare) is one shared key: limited, not free.
    expect(await addressKey('production', undefined, 'u1')).toBe(await addressKey('production', undefined, 'u2'));
  });
});
