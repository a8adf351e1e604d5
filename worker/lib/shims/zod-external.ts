/**
 * zod's namespace (`z`) less the parts the worker never calls, for the worker bundle only (wrangler.jsonc
 * `alias`). @hono/zod-openapi hands the whole `z` namespace to zod-to-openapi, which keeps every name of
 * it alive: `z.locales` alone is 50 languages' messages (400 kB raw, 54 kB gz), and `z.compile` (opt-in
 * code generation) 64 kB raw. A local export shadows the star export of the same name, so these are left
 * out and the bundler drops them. Types still come from the real zod (`z.core.ParsePayload` is a type
 * only). If the worker ever needs one of these at run time, take it off this list.
 */
export * from '../../../node_modules/zod/v4/classic/external.js';
export const locales = undefined;
export const core = undefined;
export const toJSONSchema = undefined;
export const fromJSONSchema = undefined;
export const compile = undefined;
export const withParser = undefined;
export const ZodCompileAsyncError = undefined;
export const ZodCompileUnsupportedError = undefined;
export const INVALID = undefined;
