// After anonymous flags, an anonymous me-too and a withdrawal by receipt, sweep every lead and admin
// GET in /openapi.json (exports included), the audit table, every other D1 table and the worker's
// console: nothing may name the sender, carry their address or agent, keep an exact (non-hour) time,
// or list the anonymous items in the order they were sent among named ones.
import { env } from 'cloudflare:test';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../shared/auth';
import { Flag } from '../../shared/flags';
import { HOUR, resetClock, setClock } from '../../worker/lib/clock';
import { api, enroll, flagBody, randomSecret, rows } from './helpers';
import { hourlyBatch, rollupBatch } from './hotspots-helpers';
import { operations } from './rights-helpers';

const day = (h: number, m: number, s = 0, ms = 0) => Date.UTC(2026, 5, 1, h, m, s, ms);
const SENDER_IP = '203.0.113.77';
const SENDER_AGENT = 'AnonAgent/9.9 (Quinn-laptop)';
const SENDER_NAME = 'Quinn Hiddenreporter';

/** The moments the sender acted; none is on the hour, so any that survives is a leak. */
const ANON_TIMES = {
  x1: day(14, 20, 37, 123),
  x2: day(14, 40, 41, 456),
  x3: day(14, 55, 55, 789),
  w3: day(15, 12, 13, 321),
};

const timeNeedles = Object.values(ANON_TIMES).flatMap((t) => {
  const iso = new Date(t).toISOString();
  return [String(t), String(Math.floor(t / 1000)), iso.slice(0, 16), iso.slice(0, 16).replace('T', ' ')];
});

/** A distinct text per flag, so order can be read from views that show text but not ids. */
const TEXTS = {
  n1: 'Alpha: med rec screen times out',
  x1: 'Bravo: barcode scanner drops the session',
  n2: 'Charlie: order set search is slow',
  x2: 'Delta: same here on nights',
  n3: 'Echo: print queue loses labels',
  x3: 'Foxtrot: login loop after badge tap',
};

let sender: Session;
let nora: Session;
let ned: Session;
let lead: Session;
let admin: Session;
const ids = { n1: '', x1: '', n2: '', x2: '', n3: '', x3: '', hotspot: '' };
const logged: string[] = [];
const spies: { mockRestore: () => void }[] = [];

const anonHeaders = { 'cf-connecting-ip': SENDER_IP, 'user-agent': SENDER_AGENT };

async function created(res: Response, status = 201): Promise<Flag> {
  expect(res.status, await res.clone().text()).toBe(status);
  return Flag.parse(await res.json());
}

beforeAll(async () => {
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    spies.push(
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => logged.push(args.map(String).join(' '))),
    );
  }
  setClock(() => day(9, 0));
  sender = await enroll(['clinician'], SENDER_NAME);
  nora = await enroll(['clinician'], 'Nora Named');
  ned = await enroll(['clinician'], 'Ned Named');
  lead = await enroll(['lead'], 'Lena Lead');
  admin = await enroll(['admin'], 'Ada Admin');
  const screen = { host: `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`, path: '/medrec/:id' };
  const named = (s: Session, text: string, extra: Record<string, unknown> = {}) =>
    api('/v1/flags', { token: s.token, body: flagBody({ screen, text, ...extra }) });
  const anon = (secret: string, text: string) =>
    api('/v1/flags', {
      token: sender.token,
      body: flagBody({ screen, anonymous: true, receiptSecret: secret, text }),
      headers: anonHeaders,
    });

  // A third named reporter, earlier in the day: texts show only with k (3) named people on the screen.
  setClock(() => day(11, 2, 3));
  await created(await named(await enroll(['clinician'], 'Nia Named'), 'Zulu: a third named voice'));
  // The minute's rollup batch: the screen's hotspot exists from here on, and later flags' answers name it.
  await rollupBatch();
  setClock(() => day(14, 5, 11));
  const n1 = await created(await named(nora, TEXTS.n1, { contactOk: true }));
  ids.n1 = n1.id;
  ids.hotspot = n1.hotspotId ?? '';
  setClock(() => ANON_TIMES.x1);
  ids.x1 = (await created(await anon(randomSecret(), TEXTS.x1))).id;
  setClock(() => day(14, 25, 2));
  ids.n2 = (await created(await named(ned, TEXTS.n2))).id;
  setClock(() => ANON_TIMES.x2);
  const meToo = await api(`/v1/hotspots/${ids.hotspot}/me-too`, {
    token: sender.token,
    body: {
      clientId: crypto.randomUUID(),
      anonymous: true,
      receiptSecret: randomSecret(),
      minutesLost: 7,
      comment: TEXTS.x2,
    },
    headers: anonHeaders,
  });
  ids.x2 = (await created(meToo)).id;
  setClock(() => day(14, 45, 9));
  ids.n3 = (await created(await named(nora, TEXTS.n3))).id;
  setClock(() => ANON_TIMES.x3);
  const secret3 = randomSecret();
  ids.x3 = (await created(await anon(secret3, TEXTS.x3))).id;
  setClock(() => ANON_TIMES.w3);
  const withdrawn = await api('/v1/receipts/withdraw', { body: { secret: secret3 }, headers: anonHeaders });
  expect(withdrawn.status, await withdrawn.clone().text()).toBe(200);
  await api('/v1/receipts/status', { body: { secrets: [secret3] }, headers: anonHeaders });
  // The hourly batch after those hours: anonymous flags reach the hotspot and its views only there.
  await hourlyBatch(day(16, 0));
  setClock(() => day(16, 30));
});

afterAll(() => {
  resetClock();
  for (const spy of spies) spy.mockRestore();
});

/**
 * User directories may name the sender as a user, and the audit log their own sign-in; nothing else
 * may. Audit entries that name them are checked one by one below.
 */
const DIRECTORY = /^\/v1\/(admin\/users|admin\/codes|mentors|audit)/;

/** Every object in a JSON tree that carries an `action` and names the sender. */
function senderActions(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) senderActions(v, out);
  else if (value && typeof value === 'object') {
    const action = (value as { action?: unknown }).action;
    const text = JSON.stringify(value);
    if (typeof action === 'string' && (text.includes(sender.user.id) || text.includes(SENDER_NAME))) out.push(action);
    for (const v of Object.values(value)) senderActions(v, out);
  }
  return out;
}

const IN_SENDING_ORDER = 'anonymous flags in sending order among named ones';

function leaks(text: string, { directory }: { directory: boolean }): string[] {
  const found: string[] = [];
  if (!directory && text.includes(sender.user.id)) found.push('sender id');
  if (!directory && text.includes(SENDER_NAME)) found.push('sender name');
  if (text.includes('Hiddenreporter') && !directory) found.push('sender surname');
  if (text.includes(SENDER_IP)) found.push('sender IP');
  if (text.includes('AnonAgent')) found.push('sender user agent');
  if (text.includes(sender.token.slice(0, 16))) found.push('sender token');
  for (const needle of timeNeedles) if (text.includes(needle)) found.push(`exact time ${needle}`);
  // Listed in the order sent among named flags: the position would single the sender out.
  for (const keys of [
    [ids.n1, ids.x1, ids.n2, ids.x2, ids.n3],
    [TEXTS.n1, TEXTS.x1, TEXTS.n2, TEXTS.x2, TEXTS.n3],
  ]) {
    const order = keys.map((k) => text.indexOf(k));
    if (order.every((i) => i >= 0) && order.every((i, k) => k === 0 || i > (order[k - 1] ?? 0))) {
      found.push(IN_SENDING_ORDER);
    }
  }
  return found;
}

describe('anonymity sweep', () => {
  it('finds nothing linking the sender in any lead or admin GET, exports included', async () => {
    const ops = (await operations()).filter(
      (o) => o.method === 'get' && (o.roles.includes('lead') || o.roles.includes('admin')),
    );
    expect(ops.length).toBeGreaterThan(10);
    expect(ops.map((o) => o.path)).toEqual(expect.arrayContaining(['/v1/exports/flags.csv']));
    const problems: string[] = [];
    let swept = 0;
    let sawAnonymousItems = false;
    for (const op of ops) {
      const paths = op.path.includes('{')
        ? Object.values(ids).map((id) => op.path.replace(/\{\w+\}/g, id))
        : [op.path, `${op.path}?includeWithdrawn=true&limit=500`];
      for (const role of ['lead', 'admin'] as const) {
        if (!op.roles.includes(role)) continue;
        for (const path of paths) {
          const res = await api(path, { token: (role === 'lead' ? lead : admin).token });
          expect(res.status, `${path} as ${role}`).toBeLessThan(500);
          if (res.status >= 300) continue;
          const text = await res.text();
          swept += 1;
          if ([ids.x1, ids.x2, TEXTS.x1, TEXTS.x2].some((k) => text.includes(k))) sawAnonymousItems = true;
          for (const leak of leaks(text, { directory: DIRECTORY.test(op.path) }))
            problems.push(`${path} as ${role}: ${leak}`);
          if (op.path === '/v1/audit') {
            const actions = senderActions(JSON.parse(text));
            expect(actions.length, 'the audit log shows the sender’s sign-in').toBeGreaterThan(0);
            for (const action of actions) {
              if (/flag|receipt|hotspot|identifier|withdraw|me_?too/i.test(action)) problems.push(`${path}: ${action}`);
            }
          }
        }
      }
    }
    expect(swept).toBeGreaterThan(10);
    expect(sawAnonymousItems, 'the sweep reached views that list anonymous flags').toBe(true);
    expect(problems).toEqual([]);
  }, 60_000);

  it('stores the anonymous items with no user, the hour only, and nothing from the request', async () => {
    const stored = await rows<{ id: string; user_id: string | null; created_at: number; anonymous: number }>(
      `SELECT id, user_id, created_at, anonymous FROM flags WHERE id IN (?1, ?2, ?3)`,
      ids.x1,
      ids.x2,
      ids.x3,
    );
    expect(stored).toHaveLength(3);
    for (const f of stored) {
      expect(f.user_id).toBeNull();
      expect(f.anonymous).toBe(1);
      expect(f.created_at % HOUR).toBe(0);
    }
  });

  it('leaves no trace of the sender’s anonymous actions in the audit table', async () => {
    const audit = await rows<{
      at: number;
      actor_id: string | null;
      action: string;
      target: string | null;
      details: string;
    }>('SELECT at, actor_id, action, target, details FROM audit');
    const anonIds = [ids.x1, ids.x2, ids.x3];
    for (const row of audit) {
      const text = JSON.stringify(row);
      const aboutSender = row.actor_id === sender.user.id || text.includes(sender.user.id);
      if (aboutSender) {
        // Only the sender's own sign-in may name them: nothing about flags, receipts or hotspots.
        expect(row.action, text).not.toMatch(/flag|receipt|hotspot|identifier|withdraw|me_?too/i);
        expect(row.at % HOUR === 0 || row.at === day(9, 0), text).toBe(true);
      }
      if (anonIds.some((id) => text.includes(id))) expect(row.actor_id, text).toBeNull();
      expect(Object.values(ANON_TIMES), text).not.toContain(row.at);
      expect(leaks(text, { directory: true }), text).toEqual([]);
    }
  });

  it('keeps the sender’s id out of every table but the user directory, and the address and agent out of all', async () => {
    const tables = await rows<{ name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' AND name NOT LIKE '%_fts_%'",
    );
    const directory = new Set([
      'users',
      'user_roles',
      'tokens',
      'sign_ins',
      'receipt_keys',
      'codes',
      'audit',
      'mentor_profiles',
    ]);
    expect(tables.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const { name, sql } of tables) {
      const text = JSON.stringify(await env.DB.prepare(`SELECT * FROM "${name}"`).all());
      // A WITHOUT ROWID table keyed by a random id (newId) stores its rows in key order, which carries no
      // time; five flags come out in sending order there by chance once in 120 runs. A rowid table stores
      // them as inserted, which is the order this check is for.
      const keyOrder = /\bid TEXT PRIMARY KEY\b/.test(sql) && /WITHOUT ROWID\s*$/.test(sql);
      for (const leak of leaks(text, { directory: directory.has(name) })) {
        if (keyOrder && leak === IN_SENDING_ORDER) continue;
        problems.push(`${name}: ${leak}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('wrote nothing about the sender to the worker’s console', () => {
    const text = logged.join('\n');
    expect(leaks(text, { directory: false })).toEqual([]);
  });
});
