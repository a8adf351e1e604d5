import { env, SELF } from 'cloudflare:test';
import { expect } from 'vitest';
import { Session } from '../../shared/auth';
import type { Role } from '../../shared/enums';
import { ErrorBody, type ErrorCode } from '../../shared/errors';
import type { FlagCreate } from '../../shared/flags';
import type { QuestionCreate } from '../../shared/questions';

export const BASE = 'http://api.test';

let counter = 0;

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 64 lower-case hex characters, the shape of a receipt secret. */
export function randomSecret(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A syntactically valid id that names nothing. */
export function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/** Inserts an enrollment code straight into D1, as the seed does, and returns its plain text. */
export async function makeCode(
  opts: { roles?: Role[]; maxUses?: number; expiresAt?: number; revoked?: boolean; unitId?: string | null } = {},
): Promise<string> {
  counter += 1;
  const code = `TEST-${counter}-${crypto.randomUUID().slice(0, 8)}`.toUpperCase();
  await env.DB.prepare(
    `INSERT INTO codes (id, hash, kind, roles, unit_id, discipline, max_uses, expires_at, revoked_at, created_at)
     VALUES (?1, ?2, 'enroll', ?3, ?4, 'nursing', ?5, ?6, ?7, ?8)`,
  )
    .bind(
      randomId(),
      await sha256Hex(code),
      JSON.stringify(opts.roles ?? ['clinician']),
      opts.unitId ?? null,
      opts.maxUses ?? 100,
      opts.expiresAt ?? Date.now() + 86_400_000,
      opts.revoked ? Date.now() : null,
      Date.now(),
    )
    .run();
  return code;
}

export async function api(
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] ??= 'application/json';
  return SELF.fetch(`${BASE}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
}

/** Exchanges a code at /v1/auth/enroll and parses the session. */
export async function enrollWith(code: string, displayName?: string): Promise<Session> {
  const res = await api('/v1/auth/enroll', { body: { code, displayName } });
  if (res.status !== 200) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
  return Session.parse(await res.json());
}

export async function enroll(roles: Role[] = ['clinician'], displayName?: string): Promise<Session> {
  return enrollWith(await makeCode({ roles }), displayName);
}

export const enrollAdmin = (displayName = 'Admin Test') => enroll(['admin'], displayName);

/**
 * Asserts the one error body with this status and code, and that nothing internal leaks into it.
 * Returns the parsed body for further checks.
 */
export async function expectError(res: Response, status: number, code: ErrorCode): Promise<ErrorBody> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+|stack/i);
  const body = ErrorBody.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  return body;
}

/** Zod issue paths from a `validation_failed` body, joined with dots. */
export function issuePaths(body: ErrorBody): string[] {
  const details = body.error.details as { path: (string | number)[] }[];
  return details.map((d) => d.path.join('.'));
}

export function flagBody(overrides: Record<string, unknown> = {}): FlagCreate {
  return {
    clientId: crypto.randomUUID(),
    text: 'Med rec screen times out before I can save',
    category: 'documentation_ehr',
    frequency: 'daily',
    minutesLost: 5,
    impact: 'delay',
    ...overrides,
  } as FlagCreate;
}

export function questionBody(topicId: string, overrides: Record<string, unknown> = {}): QuestionCreate {
  return {
    clientId: crypto.randomUUID(),
    text: 'How do I reconcile home meds when the pharmacy list is stale?',
    topicId,
    urgency: 'this_week',
    ...overrides,
  } as QuestionCreate;
}

export async function seedCatalog(): Promise<{ unitId: string; topicId: string }> {
  const unitId = `unit${crypto.randomUUID().slice(0, 8)}`;
  const topicId = `topic${crypto.randomUUID().slice(0, 8)}`;
  await env.DB.batch([
    env.DB.prepare('INSERT INTO units (id, name) VALUES (?1, ?2)').bind(unitId, `Unit ${unitId}`),
    env.DB.prepare('INSERT INTO topics (id, name) VALUES (?1, ?2)').bind(topicId, `Topic ${topicId}`),
  ]);
  return { unitId, topicId };
}

/** Rows straight from D1, for asserting what is (and is not) stored. */
export async function rows<T = Record<string, unknown>>(sql: string, ...binds: unknown[]): Promise<T[]> {
  const { results } = await env.DB.prepare(sql)
    .bind(...binds)
    .all<T>();
  return results;
}

export async function count(sql: string, ...binds: unknown[]): Promise<number> {
  const [row] = await rows<{ n: number }>(sql, ...binds);
  return row?.n ?? 0;
}
