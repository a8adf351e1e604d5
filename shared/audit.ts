import { z } from 'zod';
import { Id, IsoTime } from './ids';

/** Actions are dotted names (`code.created`); filtering is by exact name, never by free text. */
export const AuditAction = z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/, 'Expected an action like code.created');

const Cursor = z.string().regex(/^\d{1,15}_[A-Za-z0-9_-]{6,64}$/, 'Not a valid cursor');

export const AuditQuery = z
  .object({
    action: AuditAction.optional(),
    actorId: Id.optional(),
    /** Entries about this user (an admin's sign-in code used for them, their codes, their sign-ins). */
    subjectId: Id.optional(),
    /** Inclusive lower bound. */
    from: IsoTime.optional(),
    /** Exclusive upper bound. */
    to: IsoTime.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** From the previous page's `nextCursor`. */
    cursor: Cursor.optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: '"to" must be after "from"' });
export type AuditQuery = z.input<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: Id,
  at: IsoTime,
  actorId: Id.nullable(),
  /** The actor's display name now; null for entries with no actor (anonymous confirmations). */
  actorName: z.string().nullable(),
  /** The user whose account the entry is about (sign-ins, sign-in codes), who may be the actor; else null. */
  subjectId: Id.nullable(),
  subjectName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Newest first; `nextCursor` is null on the last page. */
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
