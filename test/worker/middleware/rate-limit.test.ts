// Runs in the `worker-limits` project (vitest.config.ts): the Rate Limiting bindings are miniflare's
// simulation of Cloudflare's, with low limits — 5 writes a minute per user, 12 per address (writes no
// signed-in user answers for), 4 code uses per address — so each limit is reached with a few real
// requests. Read limits (40 per user, 20 searches, 100 per address) are tested in
// test/privacy/reads.limits.worker.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { Session } from '../../../shared/auth';
import { api, count, expectError, flagBody, makeCode } from '../helpers';

const USER_WRITES = 5;
const IP_WRITES = 12;
const CODE_USES = 4;

let ipCounter = 0;
/** A fresh documentation-range address per call, so tests never share a limiter key. */
const freshIp = () => {
  ipCounter += 1;
  return `198.51.${100 + Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
};

async function enrollFrom(ip: string): Promise<Session> {
  const res = await api('/v1/auth/enroll', {
    body: { code: await makeCode() },
    headers: { 'cf-connecting-ip': ip },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return Session.parse(await res.json());
}

const postFlag = (token: string | undefined, ip: string, body = flagBody()) =>
  api('/v1/flags', { token, body, headers: { 'cf-connecting-ip': ip } });

async function expectRateLimited(res: Response) {
  expect(res.headers.get('Retry-After')).toBe('60');
  const body = await expectError(res, 429, 'rate_limited');
  expect(body.error.message).toMatch(/try again/i);
}

// The simulated windows are aligned to the wall clock: start each test early in a window so its
// burst of requests is counted in one.
beforeEach(async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((r) => setTimeout(r, left + 100));
});

describe('rate limits on the real (simulated) Rate Limiting binding', () => {
  it('refuses a user’s writes past the per-user limit with 429, Retry-After and nothing stored', async () => {
    const s = await enrollFrom(freshIp());
    for (let i = 0; i < USER_WRITES; i++) expect((await postFlag(s.token, freshIp())).status).toBe(201);
    const refused = flagBody();
    await expectRateLimited(await postFlag(s.token, freshIp(), refused));
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE client_id = ?1', refused.clientId)).toBe(0);
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE user_id = ?1', s.user.id)).toBe(USER_WRITES);

    // Reads are not writes, and another user has a budget of their own.
    expect((await api('/v1/flags/mine', { token: s.token, headers: { 'cf-connecting-ip': freshIp() } })).status).toBe(
      200,
    );
    const other = await enrollFrom(freshIp());
    expect((await postFlag(other.token, freshIp())).status).toBe(201);
  });

  it('limits writes per address only where no signed-in user answers for them', async () => {
    // A hospital's staff share one address: signed-in writes from it are limited per user, not per address.
    const ip = freshIp();
    const users = [await enrollFrom(freshIp()), await enrollFrom(freshIp()), await enrollFrom(freshIp())];
    for (let i = 0; i < IP_WRITES + 3; i++) {
      const user = users[i % users.length] as Session;
      expect((await postFlag(user.token, ip)).status, `write ${i + 1}`).toBe(201);
    }
    // Writes without a valid session count against their address: missing, unknown and revoked tokens.
    const flood = freshIp();
    const revoked = await enrollFrom(freshIp());
    expect((await api('/v1/auth/logout', { token: revoked.token, method: 'POST' })).status).toBe(200);
    const tokens = [undefined, 'not-a-token-but-long-enough-to-look-up', revoked.token];
    for (let i = 0; i < IP_WRITES; i++) await expectError(await postFlag(tokens[i % 3], flood), 401, 'unauthorized');
    await expectRateLimited(await postFlag(undefined, flood));
    await expectRateLimited(await postFlag(revoked.token, flood));
    // The address's limit never stands in a signed-in user's way, and another address is unaffected.
    expect((await postFlag((await enrollFrom(freshIp())).token, flood)).status).toBe(201);
    await expectError(await postFlag(undefined, freshIp()), 401, 'unauthorized');
  });

  it('limits code use per address, so enrollment codes cannot be guessed', async () => {
    const ip = freshIp();
    for (let i = 0; i < CODE_USES; i++) {
      const res = await api('/v1/auth/enroll', {
        body: { code: `GUESS-${i}-XXXX` },
        headers: { 'cf-connecting-ip': ip },
      });
      await expectError(res, 401, 'unauthorized');
    }
    // Past the limit even a valid code waits, and is not used up.
    const code = await makeCode({ maxUses: 1 });
    await expectRateLimited(await api('/v1/auth/enroll', { body: { code }, headers: { 'cf-connecting-ip': ip } }));
    const res = await api('/v1/auth/enroll', { body: { code }, headers: { 'cf-connecting-ip': freshIp() } });
    expect(res.status).toBe(200);
  });

  it('does not count reads against the write limits', async () => {
    const ip = freshIp();
    const s = await enrollFrom(freshIp());
    for (let i = 0; i < IP_WRITES + 3; i++) {
      expect((await api('/v1/me', { token: s.token, headers: { 'cf-connecting-ip': ip } })).status).toBe(200);
    }
    expect((await postFlag(s.token, ip)).status).toBe(201);
  });

  it('does not count searches sent as POST (search-as-you-type) against the write limits', async () => {
    const ip = freshIp();
    const s = await enrollFrom(freshIp());
    // More than the user's write budget, fewer than their search budget (20, searches having their own).
    for (let i = 0; i < USER_WRITES + 3; i++) {
      const kb = await api('/v1/kb/search', {
        token: s.token,
        body: { query: `med rec ${i}` },
        headers: { 'cf-connecting-ip': ip },
      });
      expect(kb.status, await kb.clone().text()).toBe(200);
      const similar = await api('/v1/flags/similar', {
        token: s.token,
        body: { host: 'ehr.example.org', text: `sorting resets ${i}` },
        headers: { 'cf-connecting-ip': ip },
      });
      expect(similar.status, await similar.clone().text()).toBe(200);
    }
    expect((await postFlag(s.token, ip)).status).toBe(201);
  });
});
