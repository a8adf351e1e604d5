import { z } from 'zod';

/** Where a flag or question came from, already de-identified in the browser (see context.ts). */
export const Screen = z
  .object({
    host: z
      .string()
      .min(1)
      .max(253)
      // A host name (IDN already in punycode) or a bracketed IPv6 literal, with an optional port.
      .regex(/^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d{1,5})?$/, 'Host must be a lower-case host name'),
    path: z.string().min(1).max(300).startsWith('/'),
  })
  .strict();
export type Screen = z.infer<typeof Screen>;
