import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { AuditPage } from '../../../../shared/audit';
import { api, enroll, enrollAdmin, expectError, issuePaths, randomId } from '../../helpers';

const page = async (token: string, query: string) => {
  const res = await api(`/v1/audit${query}`, { token });
  const json = await res.json();
  expect(res.status, JSON.stringify(json)).toBe(200);
  return AuditPage.parse(json);
};

async function insertAudit(actorId: string | null, action: string, at: number, target = randomId()) {
  await env.DB.prepare('INSERT INTO audit (id, at, actor_id, action, target, details) VALUES (?1, ?2, ?3, ?4, ?5, ?6)')
    .bind(randomId(), at, actorId, action, target, '{"kind":"enroll"}')
    .run();
  return target;
}

describe('GET /v1/audit', () => {
  it('lists admin changes newest first with the actor’s name', async () => {
    const admin = await enrollAdmin('Audit Ada');
    const unit = await api('/v1/admin/units', {
      token: admin.token,
      body: { name: `Audit unit ${randomId().slice(0, 6)}` },
    });
    const { id } = (await unit.json()) as { id: string };
    const { entries } = await page(admin.token, `?actorId=${admin.user.id}`);
    expect(entries[0]).toMatchObject({
      actorId: admin.user.id,
      actorName: 'Audit Ada',
      action: 'units.created',
      target: id,
    });
  });

  it('filters by action, actor and time, and pages with a cursor without gaps or repeats', async () => {
    const admin = await enrollAdmin();
    const actor = await enrollAdmin('Paging Pat');
    const base = Date.UTC(2030, 0, 1);
    const targets: string[] = [];
    for (let i = 0; i < 5; i++) targets.push(await insertAudit(actor.user.id, 'test.paged', base + i * 1000));
    // Same time as another entry: the id breaks the tie, so paging neither skips nor repeats it.
    targets.push(await insertAudit(actor.user.id, 'test.paged', base + 2000));
    await insertAudit(actor.user.id, 'test.other', base + 500);
    await insertAudit(admin.user.id, 'test.paged', base + 600);

    const q = `?action=test.paged&actorId=${actor.user.id}&limit=2`;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: AuditPage = await page(admin.token, cursor ? `${q}&cursor=${cursor}` : q);
      for (const e of p.entries) {
        expect(e.action).toBe('test.paged');
        expect(e.actorId).toBe(actor.user.id);
        expect(e.details).toEqual({ kind: 'enroll' });
        seen.push(e.target ?? '');
      }
      cursor = p.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...targets].sort());

    const window = await page(
      admin.token,
      `?action=test.paged&actorId=${actor.user.id}&from=${new Date(base + 1000).toISOString()}&to=${new Date(base + 3000).toISOString()}`,
    );
    expect(window.entries.map((e) => e.at)).toEqual([
      new Date(base + 2000).toISOString(),
      new Date(base + 2000).toISOString(),
      new Date(base + 1000).toISOString(),
    ]);
  });

  const invalid: [string, string, string][] = [
    ['free text as an action', '?action=deleted%20everything', 'action'],
    ['a search parameter', '?q=smith', ''],
    ['a bad actor id', '?actorId=%3Cscript%3E', 'actorId'],
    ['a date that is not ISO', '?from=yesterday', 'from'],
    ['"to" before "from"', '?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z', 'to'],
    ['a limit over 200', '?limit=1000', 'limit'],
    ['a forged cursor', '?cursor=abc', 'cursor'],
  ];
  for (const [what, query, path] of invalid) {
    it(`rejects ${what} with 400`, async () => {
      const admin = await enrollAdmin();
      const err = await expectError(await api(`/v1/audit${query}`, { token: admin.token }), 400, 'validation_failed');
      expect(issuePaths(err)).toContain(path);
    });
  }

  it('is for admins only', async () => {
    for (const role of ['clinician', 'mentor', 'lead'] as const) {
      const { token } = await enroll([role]);
      await expectError(await api('/v1/audit', { token }), 403, 'forbidden');
    }
    await expectError(await api('/v1/audit'), 401, 'unauthorized');
  });
});
