import { expect } from 'vitest';
import { type Endpoint, endpoints } from '../../shared/api';
import type { Session } from '../../shared/auth';
import { Role } from '../../shared/enums';
import { api, enroll, randomId } from './helpers';

/** The parts of an OpenAPI operation these tests read. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  pattern?: string;
  format?: string;
  default?: unknown;
}

export interface Operation {
  path: string;
  method: string;
  name: string;
  roles: string[];
  isPublic: boolean;
  isWrite: boolean;
  bodySchema?: JsonSchema;
  /** The contract entry this operation was registered from, by method and path. */
  contractName?: string;
  contract?: Endpoint;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Every operation in the live /openapi.json, joined to its contract entry: tests built on this cover
 * a new endpoint the moment it is registered.
 */
export async function operations(): Promise<Operation[]> {
  const res = await api('/openapi.json');
  expect(res.status).toBe(200);
  const doc = (await res.json()) as {
    paths: Record<
      string,
      Record<string, { 'x-roles'?: string[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >;
  };
  const byRoute = new Map(
    Object.entries(endpoints as Record<string, Endpoint>).map(([name, ep]) => [`${ep.method} ${ep.path}`, name]),
  );
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      // SCIM has its own credential and error shape: test/worker/routes/scim.test.ts.
      .filter(([method, op]) => METHODS.includes(method) && !op['x-roles']?.includes('scim'))
      .map(([method, op]) => {
        const roles = op['x-roles'] ?? [];
        const contractName = byRoute.get(`${method} ${path}`);
        return {
          path,
          method,
          name: `${method.toUpperCase()} ${path}`,
          roles,
          isPublic: roles.includes('public'),
          isWrite: method !== 'get',
          bodySchema: op.requestBody?.content['application/json']?.schema,
          contractName,
          contract: contractName ? (endpoints as Record<string, Endpoint>)[contractName] : undefined,
        };
      }),
  );
}

/** One role the operation allows (the first in x-roles), or undefined for public operations. */
export function allowedRole(op: Operation): Role | undefined {
  return op.roles.map((r) => Role.safeParse(r)).find((r) => r.success)?.data;
}

export const fillRandom = (path: string) => path.replace(/\{\w+\}/g, () => randomId());

export function call(
  op: Operation,
  opts: { token?: string; body?: unknown; path?: string; headers?: Record<string, string> } = {},
) {
  return api(opts.path ?? fillRandom(op.path), {
    method: op.method.toUpperCase(),
    token: opts.token,
    body: opts.body ?? (op.bodySchema ? {} : undefined),
    headers: opts.headers,
  });
}

/** One session per role, refreshed by `renew` after a route that ends it (logout). */
export async function sessionsByRole(): Promise<Record<Role, Session>> {
  const sessions = {} as Record<Role, Session>;
  for (const role of Role.options) sessions[role] = await enroll([role], `Person ${role}`);
  return sessions;
}

/** The object schema of a body (the first object branch of a union), for property-level checks. */
export function objectSchema(schema: JsonSchema | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  if (schema.properties) return schema;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].map(objectSchema).find(Boolean);
}

/** Every object branch of a body schema. */
export function objectBranches(schema: JsonSchema | undefined): JsonSchema[] {
  if (!schema) return [];
  if (schema.properties) return [schema];
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap(objectBranches);
}

/** A small xorshift PRNG: seeded, so a failing fuzz case reproduces from the seed in its message. */
export function prng(seed: number) {
  let x = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}

/**
 * A body that satisfies the JSON schema's shape (required fields, enums, lengths), for tests that
 * change one field at a time. It need not pass the server's cross-field rules.
 */
export function sampleBody(schema: JsonSchema | undefined): unknown {
  if (!schema) return undefined;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const branch = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (branch) return sampleBody(branch);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleBody(schema.properties?.[key]);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleBody(schema.items));
    case 'string':
      if (schema.format === 'uuid') return crypto.randomUUID();
      if (schema.pattern) {
        // The first ordinary value the pattern accepts: ids, 256-bit secrets, host names, versions.
        const pattern = new RegExp(schema.pattern);
        const candidates = [randomId(), 'a'.repeat(64), 'ehr.example.org', '1.0.0', '/chart/:id'];
        return candidates.find((c) => pattern.test(c));
      }
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return null;
  }
}
