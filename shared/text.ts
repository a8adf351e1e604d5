import { z } from 'zod';
import { IDENTIFIER_KINDS } from './phi/types';

/**
 * Fields registered here hold text a person typed. The worker walks a request schema for them and
 * runs the identifier check on each, so a new route cannot forget to.
 */
export const freeTextRegistry = z.registry<{ maxLength: number }>();

// NUL and other C0 controls (but tab and newlines) have no place in typed text and upset exports.
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// Unpaired surrogates cannot be encoded as UTF-8 and would be silently mangled in storage.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function freeText(maxLength: number) {
  const schema = z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .refine((s) => !CONTROL_CHARS.test(s), 'Text holds control characters')
    .refine((s) => !LONE_SURROGATE.test(s), 'Text holds an invalid character');
  freeTextRegistry.add(schema, { maxLength });
  return schema;
}

export function isFreeText(schema: z.ZodType): boolean {
  return freeTextRegistry.has(schema);
}

/**
 * A span the user looked at and confirmed is not an identifier. Only its kind and the SHA-256 of
 * its exact text travel, so the server can accept that span and the audit log never sees the text.
 */
export const ConfirmedSpan = z
  .object({ kind: z.enum(IDENTIFIER_KINDS), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict();
export type ConfirmedSpan = z.infer<typeof ConfirmedSpan>;
export const ConfirmedSpans = z.array(ConfirmedSpan).max(50);
