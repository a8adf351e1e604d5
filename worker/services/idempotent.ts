import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { canonicalJson, sha256Hex } from '../lib/crypto';
import { ApiError } from '../lib/errors';

export interface Stored<T> {
  item: T;
  bodyHash: string;
  /** Whether the caller may be handed this item back on a retry. */
  sameSender: boolean;
}

/** What an insert that reads its client id back in the same batch returns. */
export interface Inserted<T> {
  created: boolean;
  /** What the client id holds after the insert; null when the insert was refused. */
  stored: Stored<T> | null;
}

/**
 * Create-once by client id: a retry of the same body gets the original back (200), a different
 * body or a different sender under a known client id is refused, and two racing first attempts
 * yield one row — the insert's own conflict clause decides who created it.
 *
 * The insert goes first (a first attempt, the usual case, reads nothing before it): `validate`
 * runs before it, and when it refuses, a stored original still answers the retry. `insert` returns
 * its change count (then `find` reads back), or the read-back from its own batch. An insert that
 * enforces a rule itself (e.g. "the topic is active") may refuse: `explain` then throws the 4xx.
 */
export async function createOnce<T>(
  c: Context<AppEnv>,
  body: unknown,
  ops: {
    find: () => Promise<Stored<T> | null>;
    validate: () => Promise<void>;
    insert: (bodyHash: string) => Promise<number | Inserted<T>>;
    explain?: () => Promise<void>;
  },
): Promise<T> {
  const bodyHash = await sha256Hex(canonicalJson(body));
  try {
    await ops.validate();
  } catch (error) {
    // A retry of an item stored before today's checks would refuse it still gets its original.
    const stored = await ops.find();
    if (!stored) throw error;
    return settle(c, stored, bodyHash, false);
  }
  let result = await attempt(ops, bodyHash);
  if (!result.stored && ops.explain) {
    await ops.explain();
    // The rule the insert refused has changed since (e.g. the topic was reactivated): once more.
    result = await attempt(ops, bodyHash);
  }
  if (!result.stored) throw new ApiError(500, 'internal', 'The item was not stored');
  return settle(c, result.stored, bodyHash, result.created);
}

async function attempt<T>(
  ops: { find: () => Promise<Stored<T> | null>; insert: (bodyHash: string) => Promise<number | Inserted<T>> },
  bodyHash: string,
): Promise<Inserted<T>> {
  const result = await ops.insert(bodyHash);
  return typeof result === 'number' ? { created: result === 1, stored: await ops.find() } : result;
}

function settle<T>(c: Context<AppEnv>, stored: Stored<T>, bodyHash: string, created: boolean): T {
  if (stored.bodyHash !== bodyHash || !stored.sameSender) {
    throw new ApiError(422, 'idempotency_mismatch', 'This clientId was already used for a different item');
  }
  if (!created) c.set('replayed', true);
  return stored.item;
}
