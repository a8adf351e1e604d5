import { z } from 'zod';
import { IsoTime } from './ids';
import { User } from './users';

export const EnrollRequest = z
  .object({
    code: z.string().trim().min(4).max(64),
    displayName: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const Session = z.object({
  token: z.string(),
  expiresAt: IsoTime,
  user: User,
});
export type Session = z.infer<typeof Session>;

export const Me = z.object({ user: User, expiresAt: IsoTime });
export type Me = z.infer<typeof Me>;

export const Ok = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof Ok>;
