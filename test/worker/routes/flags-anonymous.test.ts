import { afterEach, describe, expect, it } from 'vitest';
import { Flag, FlagList, ReceiptStatusResponse } from '../../../shared/flags';
import { HOUR, resetClock, setClock } from '../../../worker/lib/clock';
import {
  api,
  count,
  enroll,
  enrollWith,
  expectError,
  flagBody,
  issuePaths,
  makeCode,
  randomSecret,
  rows,
  seedCatalog,
  sha256Hex,
} from '../helpers';

afterEach(() => resetClock());

function anonymous(overrides: Record<string, unknown> = {}) {
  return flagBody({ anonymous: true, receiptSecret: randomSecret(), ...overrides });
}

async function createAnonymous(token: string, body = anonymous()) {
  const res = await api('/v1/flags', { token, body });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(201);
  return { body, flag: Flag.parse(json) };
}

describe('anonymous flags', () => {
  it('stores no user id, no unit of the sender and a time cut to the hour', async () => {
    const { unitId } = await seedCatalog();
    const sender = await enrollWith(await makeCode({ roles: ['clinician'], unitId }));
    expect(sender.user.unitId).toBe(unitId);
    setClock(() => Date.UTC(2026, 5, 1, 14, 37, 12, 345));

    const { body, flag } = await createAnonymous(sender.token);
    expect(flag).toMatchObject({ anonymous: true, contactOk: false, unitId: null });
    expect(flag.createdAt).toBe(new Date(Date.UTC(2026, 5, 1, 14)).toISOString());

    const [row] = await rows<Record<string, unknown>>('SELECT * FROM flags WHERE client_id = ?1', body.clientId);
    expect(row?.user_id).toBeNull();
    expect(row?.unit_id).toBeNull();
    expect(row?.created_at).toBe(Date.UTC(2026, 5, 1, 14));
    expect(Number(row?.created_at) % HOUR).toBe(0);
    expect(row?.receipt_hash).toBe(await sha256Hex(body.receiptSecret ?? ''));
    expect(JSON.stringify(row)).not.toContain(body.receiptSecret);
  });

  it('has no column that could hold an IP address or user agent', async () => {
    const columns = (await rows<{ name: string }>('PRAGMA table_info(flags)')).map((c) => c.name);
    for (const name of columns) expect(name).not.toMatch(/(^|_)ip(_|$)|agent|addr|device|session|token/i);
    // A new column here needs a look at what it could reveal about an anonymous sender.
    expect(columns.sort()).toEqual(
      [
        'id',
        'client_id',
        'body_hash',
        'user_id',
        'anonymous',
        'receipt_hash',
        'contact_ok',
        'text',
        'category',
        'frequency',
        'minutes_lost',
        'impact',
        'idea',
        'unit_id',
        'host',
        'path',
        'page_title',
        'status',
        'created_at',
        // The hotspot the flag joined, what it adds to minutes per week, and the random id of the
        // withdrawal that took it out: none links to a person.
        'hotspot_id',
        'minutes_week',
        'withdrawn',
        // The rollup batch that counts a named flag (migration 0024); 0 for every anonymous flag.
        'epoch',
      ].sort(),
    );
  });

  it('uses random ids that do not follow creation order', async () => {
    const s = await enroll();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await createAnonymous(s.token)).flag.id);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    const ascending = [...ids].sort();
    expect(ids).not.toEqual(ascending);
    expect(ids).not.toEqual([...ascending].reverse());
    // Nor does any other column: an anonymous flag keeps no rollup epoch (a named one's says which
    // minute's batch counts it) and names no hotspot until the batch after its hour.
    const stored = await rows<{ epoch: number; hotspot_id: string | null }>(
      'SELECT epoch, hotspot_id FROM flags WHERE id IN (SELECT value FROM json_each(?1))',
      JSON.stringify(ids),
    );
    expect(stored).toEqual(ids.map(() => ({ epoch: 0, hotspot_id: null })));
  });

  it('is not listed in the sender’s own flags', async () => {
    const s = await enroll();
    await createAnonymous(s.token);
    const named = await api('/v1/flags', { token: s.token, body: flagBody({ text: 'named one' }) });
    expect(named.status).toBe(201);
    const list = FlagList.parse(await (await api('/v1/flags/mine', { token: s.token })).json());
    expect(list.flags.map((f) => f.text)).toEqual(['named one']);
  });

  it('writes nothing about the flag to the audit log', async () => {
    const s = await enroll();
    const before = await count('SELECT COUNT(*) AS n FROM audit');
    const { flag } = await createAnonymous(s.token);
    expect(await count('SELECT COUNT(*) AS n FROM audit')).toBe(before);
    expect(await count('SELECT COUNT(*) AS n FROM audit WHERE target = ?1', flag.id)).toBe(0);
  });

  it('returns the original on a retry with the same clientId and body', async () => {
    const s = await enroll();
    const { body, flag } = await createAnonymous(s.token);
    const retry = await api('/v1/flags', { token: s.token, body });
    expect(retry.status).toBe(200);
    expect(Flag.parse(await retry.json())).toEqual(flag);
    expect(await count('SELECT COUNT(*) AS n FROM flags WHERE client_id = ?1', body.clientId)).toBe(1);
  });

  it('refuses an anonymous flag without a receipt secret', async () => {
    const s = await enroll();
    const res = await api('/v1/flags', { token: s.token, body: flagBody({ anonymous: true }) });
    expect(issuePaths(await expectError(res, 400, 'validation_failed'))).toContain('receiptSecret');
  });

  it('refuses a receipt secret on a named flag', async () => {
    const s = await enroll();
    const res = await api('/v1/flags', { token: s.token, body: flagBody({ receiptSecret: randomSecret() }) });
    expect(issuePaths(await expectError(res, 400, 'validation_failed'))).toContain('receiptSecret');
  });

  it('refuses contactOk on an anonymous flag', async () => {
    const s = await enroll();
    const res = await api('/v1/flags', { token: s.token, body: anonymous({ contactOk: true }) });
    expect(issuePaths(await expectError(res, 400, 'validation_failed'))).toContain('contactOk');
  });

  it('refuses a receipt secret that is not 64 hex characters', async () => {
    const s = await enroll();
    const res = await api('/v1/flags', { token: s.token, body: anonymous({ receiptSecret: 'ABC' }) });
    await expectError(res, 400, 'validation_failed');
  });
});

describe('receipt status', () => {
  it('answers the status to whoever holds the secret, with no token', async () => {
    const s = await enroll();
    const { body, flag } = await createAnonymous(s.token);
    const res = await api('/v1/receipts/status', { body: { secrets: [body.receiptSecret] } });
    expect(res.status).toBe(200);
    const status = ReceiptStatusResponse.parse(await res.json());
    // The status adds what changed on the flag's hotspot (no tip, no credit yet); the create answer does not.
    expect(status.flags).toEqual([{ ...flag, tip: null, credit: [] }]);
    expect(status.flags[0]?.status).toBe('new');
  });

  it('answers null for an unknown secret, in the order the secrets were sent', async () => {
    const s = await enroll();
    const a = await createAnonymous(s.token);
    const b = await createAnonymous(s.token);
    const secrets = [b.body.receiptSecret, randomSecret(), a.body.receiptSecret];
    const status = ReceiptStatusResponse.parse(await (await api('/v1/receipts/status', { body: { secrets } })).json());
    expect(status.flags.map((f) => f?.id ?? null)).toEqual([b.flag.id, null, a.flag.id]);
  });

  it('never answers for a named flag', async () => {
    const status = ReceiptStatusResponse.parse(
      await (await api('/v1/receipts/status', { body: { secrets: [randomSecret()] } })).json(),
    );
    expect(status.flags).toEqual([null]);
  });

  it('rejects an empty or malformed list of secrets', async () => {
    for (const body of [{ secrets: [] }, { secrets: ['nothex'] }, {}, { secrets: [randomSecret()], token: 'x' }]) {
      await expectError(await api('/v1/receipts/status', { body }), 400, 'validation_failed');
    }
  });
});
