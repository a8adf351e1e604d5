import { describe, expect, it } from 'vitest';
import { Flag, FlagList } from '../../../shared/flags';
import { api, count, enroll, expectError, flagBody, issuePaths, seedCatalog } from '../helpers';

type Issue = { path: (string | number)[]; message: string; code: string };

async function createFlag(token: string, body: unknown) {
  return api('/v1/flags', { token, body });
}

describe('creating and listing flags', () => {
  it('creates a flag with the user’s unit and lists it as theirs', async () => {
    const { unitId } = await seedCatalog();
    const s = await enroll(['clinician']);
    const body = flagBody({
      unitId,
      idea: 'Autosave every minute',
      screen: { host: 'ehr.example.org', path: '/medrec/:id' },
      pageTitle: 'Medication reconciliation',
      contactOk: true,
    });
    const res = await createFlag(s.token, body);
    expect(res.status).toBe(201);
    const flag = Flag.parse(await res.json());
    expect(flag).toMatchObject({
      clientId: body.clientId,
      text: body.text,
      unitId,
      idea: 'Autosave every minute',
      screen: { host: 'ehr.example.org', path: '/medrec/:id' },
      anonymous: false,
      contactOk: true,
      status: 'new',
    });

    const list = FlagList.parse(await (await api('/v1/flags/mine', { token: s.token })).json());
    // The list adds what changed on the flag's hotspot (no tip, no credit yet); the create answer does not read it.
    expect(list.flags).toEqual([{ ...flag, tip: null, credit: [] }]);
  });

  it('lists only the caller’s own flags', async () => {
    const mine = await enroll(['clinician']);
    const theirs = await enroll(['lead']);
    await createFlag(mine.token, flagBody({ text: 'my flag' }));
    await createFlag(theirs.token, flagBody({ text: 'their flag' }));
    const list = FlagList.parse(await (await api('/v1/flags/mine', { token: mine.token })).json());
    expect(list.flags.map((f) => f.text)).toEqual(['my flag']);
  });

  it('trims text before storing it', async () => {
    const s = await enroll(['mentor']);
    const flag = Flag.parse(await (await createFlag(s.token, flagBody({ text: '   padded   ' }))).json());
    expect(flag.text).toBe('padded');
  });
});

describe('flag validation', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing text', { text: undefined }, 'text'],
    ['blank text', { text: '   ' }, 'text'],
    ['text over 2000 characters', { text: 'x'.repeat(2001) }, 'text'],
    ['an unknown category', { category: 'gripes' }, 'category'],
    ['negative minutes lost', { minutesLost: -1 }, 'minutesLost'],
    ['fractional minutes lost', { minutesLost: 1.5 }, 'minutesLost'],
    ['a client id that is not a UUID', { clientId: 'retry-1' }, 'clientId'],
    ['a screen host in upper case', { screen: { host: 'EHR.example.org', path: '/chart' } }, 'screen.host'],
    ['text with control characters', { text: 'bad\u0000text' }, 'text'],
  ];

  for (const [what, overrides, path] of cases) {
    it(`rejects ${what} with validation_failed on ${path}`, async () => {
      const s = await enroll();
      const body = await expectError(await createFlag(s.token, flagBody(overrides)), 400, 'validation_failed');
      expect(issuePaths(body)).toContain(path);
      for (const issue of body.error.details as Issue[]) {
        expect(issue).toEqual({ path: expect.any(Array), message: expect.any(String), code: expect.any(String) });
      }
    });
  }

  it('accepts text of exactly 2000 characters', async () => {
    const s = await enroll();
    expect((await createFlag(s.token, flagBody({ text: 'x'.repeat(2000) }))).status).toBe(201);
  });

  it('rejects an unknown unit', async () => {
    const s = await enroll();
    const body = await expectError(
      await createFlag(s.token, flagBody({ unitId: 'no-such-unit' })),
      400,
      'validation_failed',
    );
    expect(issuePaths(body)).toEqual(['unitId']);
  });

  it('rejects an inactive unit', async () => {
    const { unitId } = await seedCatalog();
    const admin = await enroll(['admin']);
    await api(`/v1/admin/units/${unitId}`, { method: 'PATCH', token: admin.token, body: { active: false } });
    const s = await enroll();
    await expectError(await createFlag(s.token, flagBody({ unitId })), 400, 'validation_failed');
  });

  for (const field of ['userId', 'status', 'role', 'id', 'createdAt']) {
    it(`rejects the unknown or privileged field ${field}`, async () => {
      const s = await enroll();
      const res = await createFlag(s.token, flagBody({ [field]: field === 'status' ? 'resolved' : 'x' }));
      const body = await expectError(res, 400, 'validation_failed');
      const issues = body.error.details as Issue[];
      expect(issues.some((i) => i.code === 'unrecognized_keys' && i.message.includes(field))).toBe(true);
      expect(await count('SELECT COUNT(*) AS n FROM flags WHERE user_id = ?1', s.user.id)).toBe(0);
    });
  }
});

describe('screen re-check', () => {
  it('refuses a screen path that still holds an identifier with 422 identifiers_found', async () => {
    const s = await enroll();
    const body = flagBody({ screen: { host: 'ehr.example.org', path: '/patients/00482913/chart' } });
    const err = await expectError(await createFlag(s.token, body), 422, 'identifiers_found');
    expect(err.error.details).toMatchObject({ field: 'screen', expected: { path: '/patients/:id/chart' } });
    expect(JSON.stringify(err)).not.toContain('00482913');
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE client_id = ?1', body.clientId)).toBe(0);
  });

  it('refuses a name after a patients segment', async () => {
    const s = await enroll();
    const body = flagBody({ screen: { host: 'ehr.example.org', path: '/patients/whitfield/chart' } });
    await expectError(await createFlag(s.token, body), 422, 'identifiers_found');
  });

  it('accepts a de-identified screen path', async () => {
    const s = await enroll();
    const res = await createFlag(
      s.token,
      flagBody({ screen: { host: 'ehr.example.org', path: '/patients/:id/chart' } }),
    );
    expect(res.status).toBe(201);
    expect(Flag.parse(await res.json()).screen).toEqual({ host: 'ehr.example.org', path: '/patients/:id/chart' });
  });
});

describe('idempotent retry', () => {
  it('returns the original flag with 200 and stores one row for the same clientId and body', async () => {
    const s = await enroll();
    const body = flagBody();
    const first = await createFlag(s.token, body);
    expect(first.status).toBe(201);
    const original = Flag.parse(await first.json());

    const retry = await createFlag(s.token, body);
    expect(retry.status).toBe(200);
    expect(Flag.parse(await retry.json())).toEqual(original);
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE client_id = ?1', body.clientId)).toBe(1);
  });

  it('answers concurrent first attempts with one 201, the rest 200, and one row', async () => {
    const s = await enroll();
    const body = flagBody();
    const responses = await Promise.all(Array.from({ length: 5 }, () => createFlag(s.token, body)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(responses.map(async (r) => Flag.parse(await r.json()).id)));
    expect(ids.size).toBe(1);
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE client_id = ?1', body.clientId)).toBe(1);
  });

  it('treats a retry with keys in another order as the same body', async () => {
    const s = await enroll();
    const body = flagBody();
    await createFlag(s.token, body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect((await createFlag(s.token, reordered)).status).toBe(200);
  });

  it('refuses the same clientId with a different body with 422 idempotency_mismatch', async () => {
    const s = await enroll();
    const body = flagBody();
    await createFlag(s.token, body);
    const res = await createFlag(s.token, { ...body, text: 'something else' });
    await expectError(res, 422, 'idempotency_mismatch');
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE client_id = ?1', body.clientId)).toBe(1);
  });

  it('refuses another user reusing my clientId and does not show them my flag', async () => {
    const me = await enroll();
    const other = await enroll();
    const body = flagBody({ text: 'mine, not yours' });
    await createFlag(me.token, body);
    const res = await createFlag(other.token, body);
    const err = await expectError(res, 422, 'idempotency_mismatch');
    expect(JSON.stringify(err)).not.toContain('mine, not yours');
    const list = FlagList.parse(await (await api('/v1/flags/mine', { token: other.token })).json());
    expect(list.flags).toEqual([]);
  });
});
