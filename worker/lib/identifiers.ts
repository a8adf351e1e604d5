import type { z } from 'zod';
import { findIdentifiers } from '../../shared/phi';
import type { IdentifierKind } from '../../shared/phi/types';
import { type ConfirmedSpan, isFreeText } from '../../shared/text';
import { sha256Hex } from './crypto';
import { ApiError } from './errors';

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

/**
 * The server's second look at everything a person typed: spans the detector finds are refused with
 * 422 unless the user confirmed that exact span (kind + SHA-256 of its text) as not an identifier.
 * Returns the confirmations that were used, for the audit log.
 */
export async function checkFreeText(schema: z.ZodType, value: unknown): Promise<ConfirmedSpan[]> {
  const texts = freeTextValues(schema, value);
  if (texts.length === 0) return [];
  const confirmed = new Set(
    ((value as { confirmedSpans?: ConfirmedSpan[] }).confirmedSpans ?? []).map((s) => `${s.kind}:${s.sha256}`),
  );
  const refused: FoundSpan[] = [];
  const used = new Map<string, ConfirmedSpan>();
  for (const { field, text } of texts) {
    for (const span of findIdentifiers(text)) {
      const sha256 = await sha256Hex(text.slice(span.start, span.end));
      const key = `${span.kind}:${sha256}`;
      if (confirmed.has(key)) used.set(key, { kind: span.kind, sha256 });
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
