import { z } from 'zod';
import { Discipline, Role } from './enums';
import { Id, IsoTime } from './ids';

export const CodeKind = z.enum(['enroll', 'signin']);
export type CodeKind = z.infer<typeof CodeKind>;

export const CodeCreate = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('enroll'),
      roles: z.array(Role).min(1).max(4),
      unitId: Id.optional(),
      discipline: Discipline.default('other'),
      maxUses: z.number().int().min(1).max(10_000).default(1),
      expiresInHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 90)
        .default(72),
      label: z.string().trim().max(80).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('signin'),
      userId: Id,
      expiresInHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 7)
        .default(24),
      label: z.string().trim().max(80).optional(),
    })
    .strict(),
]);
export type CodeCreate = z.input<typeof CodeCreate>;

export const CodeInfo = z.object({
  id: Id,
  kind: CodeKind,
  roles: z.array(Role),
  unitId: Id.nullable(),
  discipline: Discipline.nullable(),
  userId: Id.nullable(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  label: z.string().nullable(),
  expiresAt: IsoTime,
  revokedAt: IsoTime.nullable(),
  createdAt: IsoTime,
});
export type CodeInfo = z.infer<typeof CodeInfo>;

/** The code itself is shown once, at creation; only its hash is stored. */
export const CodeCreated = CodeInfo.extend({ code: z.string() });
export type CodeCreated = z.infer<typeof CodeCreated>;

export const CodeList = z.object({ codes: z.array(CodeInfo) });
