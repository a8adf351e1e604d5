// `zod` for the worker bundle: the same shape as zod's own index (a namespace `z`, its names, a default).
import * as z from './zod-external';

export * from './zod-external';
export { z, z as default };
