import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { canonicalJson, sha256Hex } from './crypto';
import { ApiError } from './errors';

export interface Stored<T> {
  item: T;
  bodyHash: string;
  /** Whether the caller may be handed this item back on a retry. */
  sameSender: boolean;
}

/**
 * Create-once by client id: a retry of the same body gets the original back (200), a different
 * body or a different sender under a known client id is refused, and two racing first attempts
 * yield one row — the insert's own conflict clause decides who created it.
 */
export async function createOnce<T>(
  c: Context<AppEnv>,
  body: unknown,
  ops: {
    find: () => Promise<Stored<T> | null>;
    validate: () => Promise<void>;
    insert: (bodyHash: string) => Promise<number>;
  },
): Promise<T> {
  const bodyHash = await sha256Hex(canonicalJson(body));
  let stored = await ops.find();
  let created = false;
  if (!stored) {
    await ops.validate();
    created = (await ops.insert(bodyHash)) === 1;
    stored = await ops.find();
  }
  if (!stored) throw new ApiError(500, 'internal', 'The item was not stored');
  if (stored.bodyHash !== bodyHash || !stored.sameSender) {
    throw new ApiError(422, 'idempotency_mismatch', 'This clientId was already used for a different item');
  }
  if (!created) c.set('replayed', true);
  return stored.item;
}
