// Hostile bodies against every write in /openapi.json, from a seeded PRNG: a failure names its seed
// and case, and FUZZ_SEED=<seed> replays it. Never a 5xx; every refusal in the one error shape.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/auth';
import type { Role } from '../../shared/enums';
import { ErrorBody } from '../../shared/errors';
import { api, count, enroll } from './helpers';
import {
  allowedRole,
  fillRandom,
  type Operation,
  objectSchema,
  operations,
  prng,
  sampleBody,
  sessionsByRole,
} from './rights-helpers';

const SEED = Number((globalThis as { process?: { env?: Record<string, string> } }).process?.env?.FUZZ_SEED ?? 20261126);
const CASES_PER_OPERATION = 24;

const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'); DROP TABLE flags; --",
  '" OR ""="',
  '%27%20OR%201%3D1',
  '?1 ?2 ?3',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '<script>alert(1)</script>',
  ['$', '{7*7}{{7*7}}'].join(''),
  '../../etc/passwd',
  'ＡＢＣ１２３',
  '🧑‍⚕️'.repeat(50),
  ' ',
  '',
  'x'.repeat(10_000),
];
const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  1e308,
  -1e308,
  -0,
  'NaN',
  'Infinity',
  2 ** 53 + 1,
  -1,
  0.5,
  true,
  false,
  null,
  [],
  [1, 2, 3],
  {},
  { $gt: '' },
  ['a', { b: null }],
];

/** Whole bodies that are not what any endpoint takes, as raw JSON text. */
const HOSTILE_BODIES: [string, string][] = [
  ['null', 'null'],
  ['an array', '[]'],
  ['an array of objects', '[{"clientId":"x"}]'],
  ['a string', '"hello"'],
  ['a number', '1e308'],
  ['true', 'true'],
  ['empty object', '{}'],
  ['NaN literal', '{"minutesLost": NaN}'],
  ['trailing comma', '{"a":1,}'],
  ['duplicate keys', '{"text":"a","text":{"x":1}}'],
  ['10k nested arrays', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ['6k nested objects', `${'{"a":'.repeat(6_000)}1${'}'.repeat(6_000)}`],
  ['a 1 MB string', JSON.stringify({ text: 'x'.repeat(1024 * 1024) })],
  ['lone surrogate escape', '{"text":"\\ud800"}'],
  ['NUL escape', '{"text":"a\\u0000b"}'],
  ['invalid UTF-8 lookalike', '{"text":"\\xff"}'],
  ['empty', ''],
];

async function expectRefusedOrAccepted(res: Response, label: string) {
  const text = await res.text();
  expect(res.status, `${label}: ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(ErrorBody.safeParse(JSON.parse(text)).success, `${label}: error shape: ${text.slice(0, 300)}`).toBe(true);
    expect(text, label).not.toMatch(/\n\s+at |\.ts:\d+|SQLITE|D1_ERROR/i);
  }
}

describe(`fuzzing every write in /openapi.json (seed ${SEED})`, () => {
  let ops: Operation[] = [];
  let sessions: Record<Role, Session>;

  beforeAll(async () => {
    ops = (await operations()).filter((o) => o.isWrite);
    sessions = await sessionsByRole();
  });

  const tokenFor = (op: Operation) => {
    const role = allowedRole(op);
    return role ? sessions[role].token : undefined;
  };
  const renewAfter = async (op: Operation) => {
    const role = allowedRole(op);
    if (op.path.startsWith('/v1/auth/logout') && role) sessions[role] = await enroll([role]);
    // A fuzzed "require SSO" would refuse the codes the next operations enroll with.
    if (op.path === '/v1/admin/sso/settings') await env.DB.prepare('UPDATE sso_settings SET require_sso = 0').run();
  };

  it('sends hostile whole bodies: 4xx in the error shape (413 for 1 MB), never 5xx', async () => {
    let checked = 0;
    for (const op of ops) {
      for (const [label, raw] of HOSTILE_BODIES) {
        const res = await api(fillRandom(op.path), {
          method: op.method.toUpperCase(),
          token: tokenFor(op),
          body: raw,
          headers: { 'content-type': 'application/json' },
        });
        const name = `${op.name} with ${label}`;
        if (label === 'a 1 MB string') expect(res.status, name).toBe(413);
        if (op.bodySchema && label !== 'empty object' && label !== 'empty') {
          expect(res.status, name).toBeGreaterThanOrEqual(400);
        }
        await expectRefusedOrAccepted(res, name);
        await renewAfter(op);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(300);
  }, 180_000);

  it('replaces fields one at a time with hostile values (seeded): never 5xx', async () => {
    const rand = prng(SEED);
    let checked = 0;
    for (const op of ops) {
      const schema = objectSchema(op.bodySchema);
      const fields = Object.keys(schema?.properties ?? {});
      for (let i = 0; i < CASES_PER_OPERATION; i++) {
        const body = JSON.parse(JSON.stringify(sampleBody(op.bodySchema) ?? {})) as Record<string, unknown>;
        // Mostly one field, sometimes several, sometimes a nested value inside an object field.
        const changes = 1 + (rand.next() < 0.25 ? rand.int(3) : 0);
        const applied: string[] = [];
        for (let j = 0; j < changes && fields.length > 0; j++) {
          const field = rand.pick(fields);
          const value = rand.pick(HOSTILE_VALUES);
          const current = body[field];
          if (current && typeof current === 'object' && !Array.isArray(current) && rand.next() < 0.5) {
            const inner = Object.keys(current as object);
            const key = inner.length ? rand.pick(inner) : 'x';
            (current as Record<string, unknown>)[key] = value;
            applied.push(`${field}.${key}=${JSON.stringify(value)?.slice(0, 40)}`);
          } else {
            body[field] = value;
            applied.push(`${field}=${JSON.stringify(value)?.slice(0, 40)}`);
          }
        }
        if (fields.length === 0) body.unexpected = rand.pick(HOSTILE_VALUES);
        const res = await api(fillRandom(op.path), { method: op.method.toUpperCase(), token: tokenFor(op), body });
        await expectRefusedOrAccepted(res, `seed ${SEED} case ${i}: ${op.name} ${applied.join(' ')}`);
        await renewAfter(op);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(500);
  }, 300_000);

  it('sends hostile path parameters and query strings to every operation: never 5xx', async () => {
    const all = await operations();
    const ids = ["' OR 1=1 --", '%00', '..%2F..%2Fadmin', 'a'.repeat(5000), '%E2%80%AE', '%F0%9F%A7%91', '-0', '1e308'];
    for (const op of all) {
      for (const id of ids) {
        const path = op.path.replace(/\{\w+\}/g, id);
        const query = '?limit=-1&limit=1e308&offset=NaN&status[]=x&q=%00&since=not-a-date&host=%27';
        const res = await api(`${path}${query}`, {
          method: op.method.toUpperCase(),
          token: tokenFor(op),
          body: op.bodySchema ? {} : undefined,
        });
        await expectRefusedOrAccepted(res, `${op.name} as ${path.slice(0, 80)}${query}`);
        await renewAfter(op);
      }
    }
  }, 180_000);

  it('leaves the database intact after all of it', async () => {
    for (const table of ['users', 'tokens', 'flags', 'questions', 'audit']) {
      expect(await count(`SELECT COUNT(*) AS n FROM ${table}`)).toBeGreaterThanOrEqual(0);
    }
    expect(await count('SELECT COUNT(*) AS n FROM users')).toBeGreaterThan(0);
  });
});
