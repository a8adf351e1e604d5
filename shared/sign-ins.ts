import { z } from 'zod';
import { Id, IsoTime } from './ids';

/**
 * How a device came to be signed in as its user: enrolment (or the first admin's bootstrap), a
 * sign-in code an admin made, a code the user made on one of their own signed-in devices, or
 * `earlier` for sessions that existed before sign-ins were recorded.
 */
export const SignInMethod = z.enum(['earlier', 'bootstrap', 'enrolled', 'admin_code', 'device_code', 'sso']);
export type SignInMethod = z.infer<typeof SignInMethod>;

/** A sign-in this device has not acknowledged yet ("a new device signed in as you on …"). */
export const NewSignIn = z.object({
  id: Id,
  at: IsoTime,
  method: SignInMethod,
  /** The admin who made the code, for `admin_code`. */
  issuedByName: z.string().nullable(),
  /** The code's label, if it had one (admins label codes, e.g. "Ward 5 PC"). */
  label: z.string().nullable(),
});
export type NewSignIn = z.infer<typeof NewSignIn>;

export const NewSignIns = z.object({ signIns: z.array(NewSignIn) });
export type NewSignIns = z.infer<typeof NewSignIns>;

/** Acknowledges this device's notice up to the newest sign-in it showed (later ones stay). */
export const AcknowledgeSignIns = z.object({ upTo: IsoTime }).strict();
export type AcknowledgeSignIns = z.infer<typeof AcknowledgeSignIns>;

/** The audit entries a user may read about their own account. */
export const AccountAuditAction = z.enum([
  'user.bootstrapped',
  'user.enrolled',
  'code.created',
  'code.revoked',
  'user.signed_in_with_code',
  'user.signed_in_with_device_code',
  'user.logged_out_everywhere',
]);
export type AccountAuditAction = z.infer<typeof AccountAuditAction>;

const Cursor = z.string().regex(/^\d{1,15}_[A-Za-z0-9_-]{6,64}$/, 'Not a valid cursor');

export const AccountAuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** From the previous page's `nextCursor`. */
    cursor: Cursor.optional(),
  })
  .strict();
export type AccountAuditQuery = z.input<typeof AccountAuditQuery>;

export const AccountAuditEntry = z.object({
  id: Id,
  at: IsoTime,
  action: AccountAuditAction,
  /** Who did it, by their display name now (an admin, or you). */
  actorName: z.string().nullable(),
  byYou: z.boolean(),
  /** The label of the code involved, if any. */
  label: z.string().nullable(),
  /** The sign-in that made the device asking. */
  thisDevice: z.boolean(),
});
export type AccountAuditEntry = z.infer<typeof AccountAuditEntry>;

/** "Sign-ins to my account", newest first; `nextCursor` is null on the last page. */
export const AccountAuditPage = z.object({ entries: z.array(AccountAuditEntry), nextCursor: z.string().nullable() });
export type AccountAuditPage = z.infer<typeof AccountAuditPage>;

/** A one-use code to sign this account in on another device, made on a device already signed in. */
export const DeviceCodeRequest = z.object({ expiresInMinutes: z.number().int().min(5).max(60).default(15) }).strict();
export type DeviceCodeRequest = z.input<typeof DeviceCodeRequest>;

export const DeviceCode = z.object({ code: z.string(), expiresAt: IsoTime });
export type DeviceCode = z.infer<typeof DeviceCode>;
