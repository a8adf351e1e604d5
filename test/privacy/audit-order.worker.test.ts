import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { AuditPage } from '../../shared/audit';
import { findIdentifiers } from '../../shared/phi';
import { auditStatement } from '../../worker/db/audit';
import { floorToHour, HOUR } from '../../worker/lib/clock';
import { api, enroll, enrollAdmin, flagBody, randomSecret, rows, sha256Hex } from '../worker/helpers';

// Issue 13 §6: the audit table's storage order must not place an anonymous-related entry among
// the timed entries written just before and after it.
describe('the audit table keeps no insertion order', () => {
  it('has no rowid to sort by', async () => {
    await expect(env.DB.prepare('SELECT rowid FROM audit LIMIT 1').all()).rejects.toThrow(/rowid/);
    const [table] = await rows<{ sql: string }>(
      "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit'",
    );
    expect(table?.sql).toMatch(/WITHOUT ROWID/i);
  });

  it('a scan of the table orders entries by random id, the listing by time then random id, never by when they were written', async () => {
    const admin = await enrollAdmin();
    const named = await enroll(['clinician']);
    // A far-off hour of its own, so other tests' rows do not mix in.
    const hour = floorToHour(Date.UTC(2031, 4, 6, 10));
    const written: string[] = [];
    const write = async (actorId: string | null, action: string, at: number) => {
      const statement = auditStatement(env.DB, { at, actorId, action, target: `order-${written.length}` });
      await statement.run();
      written.push(`order-${written.length}`);
    };
    // Named entries before and after an anonymous-related one, as requests would write them; the
    // anonymous one carries the hour only, so it ties with every entry written at the hour.
    for (let i = 0; i < 8; i++) await write(named.user.id, 'test.named_before', hour);
    await write(null, 'identifiers.confirmed_not_identifying', hour);
    for (let i = 0; i < 8; i++) await write(named.user.id, 'test.named_after', hour);
    await write(named.user.id, 'test.named_later', hour + 17 * 60_000);

    const scanned = await rows<{ id: string; target: string; at: number }>(
      "SELECT id, target, at FROM audit WHERE target LIKE 'order-%'",
    );
    expect(scanned).toHaveLength(written.length);
    // Storage order is the random id's…
    const byId = [...scanned].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(scanned.map((r) => r.target)).toEqual(byId.map((r) => r.target));
    // With 17 ties the odds that random ids happen to keep the write order are 1 in 17!.
    expect(scanned.map((r) => r.target)).not.toEqual(written);

    const res = await api(
      `/v1/audit?from=${new Date(hour).toISOString()}&to=${new Date(hour + HOUR).toISOString()}&limit=200`,
      { token: admin.token },
    );
    // …and the listing's is time, then the random id.
    const byTimeThenId = [...scanned].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
    const listed = AuditPage.parse(await res.json()).entries.filter((e) => e.target?.startsWith('order-'));
    expect(listed.map((e) => e.target)).toEqual([...byTimeThenId].reverse().map((r) => r.target));
  });

  it('the one anonymous-related writer (a confirmation on an anonymous flag) keeps the hour only and names no one', async () => {
    const s = await enroll(['clinician']);
    const text = 'The new downtime policy from 03/14 is not in the intranet yet';
    const spans = findIdentifiers(text);
    expect(spans.length).toBeGreaterThan(0);
    const confirmedSpans = await Promise.all(
      spans.map(async (sp) => ({ kind: sp.kind, sha256: await sha256Hex(text.slice(sp.start, sp.end)) })),
    );
    const sentAt = Date.now();
    const res = await api('/v1/flags', {
      token: s.token,
      body: flagBody({ text, confirmedSpans, anonymous: true, receiptSecret: randomSecret() }),
    });
    expect(res.status).toBe(201);
    const entries = await rows<{ at: number; actor_id: string | null }>(
      "SELECT at, actor_id FROM audit WHERE action = 'identifiers.confirmed_not_identifying' AND at >= ?1",
      floorToHour(sentAt),
    );
    expect(entries.some((e) => e.actor_id === s.user.id)).toBe(false);
    const anonymous = entries.filter((e) => e.actor_id === null);
    expect(anonymous.length).toBeGreaterThan(0);
    for (const row of anonymous) expect(row.at % HOUR).toBe(0);
  });
});
