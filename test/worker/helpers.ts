import { env, SELF } from 'cloudflare:test';
import type { Session } from '../../shared/auth';
import type { Role } from '../../shared/enums';

export const BASE = 'http://api.test';

let counter = 0;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
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
      crypto.randomUUID().replace(/-/g, ''),
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

export async function enroll(roles: Role[] = ['clinician'], displayName?: string): Promise<Session> {
  const code = await makeCode({ roles });
  const res = await api('/v1/auth/enroll', { body: { code, displayName } });
  if (res.status !== 200) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
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
