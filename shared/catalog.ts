import { z } from 'zod';
import { Id } from './ids';

/**
 * `small` (only in the list clinicians read): fewer active people belong to the unit than the
 * organisation's k, so naming it on an anonymous flag narrows down who sent it. Never a count.
 */
export const Unit = z.object({ id: Id, name: z.string(), active: z.boolean(), small: z.boolean().optional() });
export type Unit = z.infer<typeof Unit>;
export const UnitList = z.object({ units: z.array(Unit) });

export const Topic = z.object({ id: Id, name: z.string(), active: z.boolean() });
export type Topic = z.infer<typeof Topic>;
export const TopicList = z.object({ topics: z.array(Topic) });

const Name = z.string().trim().min(1).max(80);
export const NamedCreate = z.object({ name: Name }).strict();
export const NamedPatch = z.object({ name: Name.optional(), active: z.boolean().optional() }).strict();
