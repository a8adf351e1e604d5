import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { parse } from 'scim2-parse-filter';

/** A refusal in SCIM's own error shape (RFC 7644 §3.12), which SCIM clients require over the API's. */
export class ScimFailure extends Error {
  readonly status: ContentfulStatusCode;
  readonly scimType: string | undefined;
  constructor(status: ContentfulStatusCode, detail: string, scimType?: string) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }
}

export const scimNotFound = (what: string) => new ScimFailure(404, `${what} not found`);

const unsupported = (allowed: readonly string[]) =>
  new ScimFailure(400, `Only ${allowed.map((a) => `${a} eq "…"`).join(' or ')} filters are supported`, 'invalidFilter');

/**
 * The one filter shape Entra ID and Okta send, `attribute eq "value"`, parsed by scim2-parse-filter;
 * anything else is refused as invalidFilter rather than half-applied.
 */
export function eqFilter<K extends string>(
  filter: string | undefined,
  allowed: readonly K[],
): Partial<Record<K, string>> {
  if (!filter) return {};
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(filter);
  } catch {
    throw new ScimFailure(400, 'The filter could not be parsed', 'invalidFilter');
  }
  if (ast.op !== 'eq' || !('attrPath' in ast) || !('compValue' in ast) || typeof ast.compValue !== 'string')
    throw unsupported(allowed);
  // Attribute names are case-insensitive and may carry their schema URN (RFC 7644 §3.10).
  const name = ast.attrPath.replace(/^urn:.*:/, '').toLowerCase();
  const key = allowed.find((a) => a.toLowerCase() === name);
  if (!key) throw unsupported(allowed);
  return { [key]: ast.compValue } as Partial<Record<K, string>>;
}
