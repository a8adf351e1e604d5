import type { z } from 'zod';
import { Role } from '../enums';

/** `public` needs no token; every other entry is a role that may call. */
export type Access = Role | 'public';

export interface Endpoint {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** OpenAPI style: `{id}` marks a path parameter. */
  path: string;
  summary: string;
  tag: string;
  roles: readonly Access[];
  body?: z.ZodType;
  query?: z.ZodObject;
  params?: z.ZodObject;
  response: z.ZodType;
  /** Set when the answer is not JSON (CSV exports); the handler then returns a Response. */
  produces?: 'text/csv';
  status: 200 | 201;
}

export const ANY_SIGNED_IN = Role.options;
export const REPORTERS = ['clinician', 'mentor', 'lead'] as const satisfies readonly Role[];
export const ADMIN = ['admin'] as const satisfies readonly Role[];

type Infer<T> = T extends z.ZodType ? z.input<T> : never;
type Out<T> = T extends z.ZodType ? z.output<T> : never;

/** What a caller passes for an endpoint: only the parts it declares. */
export type CallInput<E extends Endpoint> = (E extends { body: z.ZodType } ? { body: Infer<E['body']> } : unknown) &
  (E extends { query: z.ZodType } ? { query?: Infer<E['query']> } : unknown) &
  (E extends { params: z.ZodType } ? { params: Infer<E['params']> } : unknown);

/** What a handler receives after validation. */
export type HandlerInput<E extends Endpoint> = {
  body: E extends { body: z.ZodType } ? Out<E['body']> : undefined;
  query: E extends { query: z.ZodType } ? Out<E['query']> : undefined;
  params: E extends { params: z.ZodType } ? Out<E['params']> : undefined;
};

export type Response<E extends Endpoint> = z.output<E['response']>;

export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) throw new Error(`Missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
