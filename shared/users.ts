import { z } from 'zod';
import { Discipline, Role } from './enums';
import { Id, IsoTime } from './ids';

export const User = z.object({
  id: Id,
  displayName: z.string(),
  discipline: Discipline,
  unitId: Id.nullable(),
  roles: z.array(Role),
  active: z.boolean(),
  createdAt: IsoTime,
});
export type User = z.infer<typeof User>;

export const UserList = z.object({ users: z.array(User) });
export type UserList = z.infer<typeof UserList>;

export const UserListQuery = z.object({
  q: z.string().max(80).optional(),
  role: Role.optional(),
  active: z.enum(['true', 'false']).optional(),
});

export const UserPatch = z
  .object({
    roles: z.array(Role).min(1).max(Role.options.length).optional(),
    unitId: Id.nullable().optional(),
    discipline: Discipline.optional(),
    displayName: z.string().trim().min(1).max(80).optional(),
  })
  .strict();
export type UserPatch = z.infer<typeof UserPatch>;
