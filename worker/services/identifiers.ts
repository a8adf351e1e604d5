import type { Context } from 'hono';
import type { z } from 'zod';
import { endpoints } from '../../shared/api';
import type { IdentifierKind } from '../../shared/phi/types';
import { type ConfirmedSpan, isFreeText } from '../../shared/text';
import { auditStatement } from '../db/audit';
import { isPeerSupportThread } from '../db/peer-support';
import type { AppEnv, Env } from '../env';
import { now } from '../lib/clock';
import { hmacSha256Hex, sha256Hex } from '../lib/crypto';
import type { Detector } from '../lib/detector';
import { ApiError } from '../lib/errors';

export interface FoundSpan {
  field: string;
  start: number;
  end: number;
  kind: IdentifierKind;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every free-text value in `value`, found by walking its schema, with a dotted field name. */
export function freeTextValues(schema: z.ZodType, value: unknown, path = ''): Array<{ field: string; text: string }> {
  if (value === undefined || value === null) return [];
  if (isFreeText(schema)) return typeof value === 'string' ? [{ field: path, text: value }] : [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? freeTextValues(def.innerType, value, path) : [];
    case 'pipe':
      return def.in ? freeTextValues(def.in, value, path) : [];
    case 'array':
      return Array.isArray(value) && def.element
        ? value.flatMap((item, i) => freeTextValues(def.element as z.ZodType, item, `${path}[${i}]`))
        : [];
    case 'union':
      // Every option is walked: a field counts as free text if any branch says so.
      return dedupe((def.options ?? []).flatMap((option) => freeTextValues(option, value, path)));
    case 'object': {
      if (typeof value !== 'object') return [];
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      return Object.entries(shape).flatMap(([key, child]) =>
        freeTextValues(child, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
      );
    }
    default:
      return [];
  }
}

function dedupe(items: Array<{ field: string; text: string }>) {
  return [...new Map(items.map((i) => [i.field, i])).values()];
}

/** A confirmation a request used: the span's kind and text (the text never leaves the request). */
export interface UsedConfirmation {
  kind: IdentifierKind;
  text: string;
}

/**
 * The server's second look at everything a person typed: spans the detector finds are refused with
 * 422 unless the user confirmed that exact span (kind + SHA-256 of its text) as not an identifier.
 * Returns the confirmations that were used, for the audit log (`auditConfirmations`).
 */
export async function checkFreeText(
  detector: Detector,
  schema: z.ZodType,
  value: unknown,
): Promise<UsedConfirmation[]> {
  const texts = freeTextValues(schema, value);
  if (texts.length === 0) return [];
  const confirmed = new Set(
    ((value as { confirmedSpans?: ConfirmedSpan[] }).confirmedSpans ?? []).map((s) => `${s.kind}:${s.sha256}`),
  );
  const refused: FoundSpan[] = [];
  const used = new Map<string, UsedConfirmation>();
  const found = await detector.find(texts.map((t) => t.text));
  for (const [i, { field, text }] of texts.entries()) {
    for (const span of found[i] ?? []) {
      const spanText = text.slice(span.start, span.end);
      const key = `${span.kind}:${await sha256Hex(spanText)}`;
      if (confirmed.has(key)) used.set(key, { kind: span.kind, text: spanText });
      else refused.push({ field, start: span.start, end: span.end, kind: span.kind });
    }
  }
  if (refused.length > 0) {
    throw new ApiError(422, 'identifiers_found', 'The text still holds what looks like patient identifiers', {
      spans: refused,
    });
  }
  return [...used.values()];
}

/**
 * The key audited spans are HMACed under outside production when AUDIT_SPAN_KEY is not set. It is in
 * the source, so it protects nothing: production never uses it (docs/operations.md).
 */
export const LOCAL_AUDIT_SPAN_KEY = 'curbside-local-audit-span-key-not-a-secret';
const MIN_KEY_LENGTH = 32;
let warnedNoKey = false;

/**
 * The deployment's key for audited spans. In production a missing, short or published key is no
 * key: entries then keep the kind alone, rather than a value anyone could recompute.
 */
function auditSpanKey(env: Pick<Env, 'ENVIRONMENT' | 'AUDIT_SPAN_KEY'>): string | null {
  const key = env.AUDIT_SPAN_KEY;
  if (env.ENVIRONMENT !== 'production') return key || LOCAL_AUDIT_SPAN_KEY;
  if (key && key.length >= MIN_KEY_LENGTH && key !== LOCAL_AUDIT_SPAN_KEY) return key;
  if (!warnedNoKey) {
    warnedNoKey = true;
    console.warn('AUDIT_SPAN_KEY is missing or too short: confirmed spans are audited by kind alone');
  }
  return null;
}

/**
 * What an audit entry keeps of confirmed spans: the kind, and an HMAC of kind and text under the
 * deployment's secret key — never the text, never a plain hash (a short span's SHA-256 is guessed
 * by trying every date or name). Two named confirmations of one span in one deployment compare equal;
 * nothing compares across deployments.
 */
export function confirmationDetails(
  env: Pick<Env, 'ENVIRONMENT' | 'AUDIT_SPAN_KEY'>,
  spans: readonly UsedConfirmation[],
): { spans: Array<{ kind: IdentifierKind; hmac?: string }> } {
  const key = auditSpanKey(env);
  return {
    spans: spans.map((s) =>
      key ? { kind: s.kind, hmac: hmacSha256Hex(key, `${s.kind}:${s.text}`) } : { kind: s.kind },
    ),
  };
}

/** Threads whose questions may be "need to talk": their id is the route's `{id}`. */
const THREAD_PATHS = /^\/v1\/(questions|queue)\/\{id\}\//;

/**
 * Whether a request belongs to peer support: asking to talk, or any message in its thread (the
 * asker's reply, the supporter's clarification, answer or hand-off note).
 */
async function inPeerSupport(db: D1Database, path: string, params: unknown): Promise<boolean> {
  if (path === endpoints.needToTalk.path) return true;
  const id = (params as { id?: unknown } | undefined)?.id;
  return THREAD_PATHS.test(path) && typeof id === 'string' && isPeerSupportThread(db, id);
}

/**
 * Records that a signed-in user vouched for spans the detector flagged (`confirmationDetails`). Two
 * kinds of request leave no entry at all, since any entry — its actor, its time, even its mere
 * appearance while an admin watches — would link a person to them:
 * - anonymous flags and "me too"s: nothing may trace them to their sender;
 * - peer support (`inPeerSupport`): nothing admins read may link a person to it.
 */
export async function auditConfirmations(
  c: Context<AppEnv>,
  request: { path: string; params: unknown; body: unknown },
  spans: readonly UsedConfirmation[],
): Promise<void> {
  const actorId = c.get('auth')?.user.id;
  if (!actorId || (request.body as { anonymous?: boolean }).anonymous === true) return;
  if (await inPeerSupport(c.env.DB, request.path, request.params)) return;
  await auditStatement(c.env.DB, {
    at: now(),
    actorId,
    action: 'identifiers.confirmed_not_identifying',
    target: c.req.routePath,
    details: confirmationDetails(c.env, spans),
  }).run();
}
