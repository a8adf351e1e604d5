import type { Context } from 'hono';
import type { z } from 'zod';
import { minutesPerWeek } from '../../shared/cost';
import type { Flag, FlagCreate } from '../../shared/flags';
import type { Screen } from '../../shared/screen';
import type { Settings } from '../../shared/settings';
import type { User } from '../../shared/users';
import { findFlagByClientId, insertFlagStatement, type NewFlag, type StoredFlag, toStoredFlag } from '../db/flags';
import { getSettings } from '../db/settings';
import type { AppEnv } from '../env';
import { floorToHour, now } from '../lib/clock';
import { newId, sha256Hex } from '../lib/crypto';
import { createOnce } from './idempotent';
import { requireActiveUnit, requireDeidentifiedScreenIn } from './validation';

/**
 * The product's one write path for a flag: the flag row alone (with what it adds to minutes per week at
 * today's settings). Every hotspot, counter and cell it feeds is brought up to date by the scheduled
 * batch (worker/jobs/rollups.ts): a named flag within the minute, an anonymous one after its hour, so no
 * count, hotspot or timestamp moves in its own request. Exported so a benchmark can seed flags exactly
 * as the API stores them.
 */
export function flagWriteStatements(
  db: D1Database,
  flag: NewFlag,
  multipliers: Settings['frequencyMultipliers'],
): D1PreparedStatement[] {
  return [insertFlagStatement(db, flag, minutesPerWeek(flag.minutesLost, flag.frequency, multipliers))];
}

/**
 * An anonymous flag's receipt secret is kept only as this hash: writing the flag stores it, and status and
 * withdrawal (routes/flags.ts) find the flag by it, so whoever holds the secret, and no one else, can.
 */
export function receiptHash(secret: string): Promise<string> {
  return sha256Hex(secret);
}

/**
 * What a flag is written from: the create body as validated, less the spans the identifier check read.
 * "Me too" builds one from its hotspot's root, whose screen may be null.
 */
export type FlagInput = Omit<z.output<typeof FlagCreate>, 'confirmedSpans' | 'screen'> & { screen?: Screen | null };

/** Create-once for flags and "me too": `body` is what the client sent (hashed for retries). */
export async function createFlagOnce(c: Context<AppEnv>, user: User, body: unknown, input: FlagInput): Promise<Flag> {
  const db = c.env.DB;
  const stored = (found: StoredFlag | null) =>
    found && {
      item: found.flag,
      bodyHash: found.bodyHash,
      sameSender: found.flag.anonymous ? input.anonymous : found.userId === user.id,
    };
  return createOnce(c, body, {
    find: async () => stored(await findFlagByClientId(db, input.clientId)),
    validate: async () => {
      await requireActiveUnit(db, input.unitId);
      await requireDeidentifiedScreenIn(c.env, input.screen);
    },
    insert: async (bodyHash) => {
      const at = now();
      const { frequencyMultipliers } = await getSettings(db);
      // The insert returns the stored flag (nothing on a retry): the write is one round trip.
      const writes = flagWriteStatements(
        db,
        {
          id: newId(),
          clientId: input.clientId,
          bodyHash,
          // An anonymous flag keeps no link to its sender: no user id, and time only to the hour.
          userId: input.anonymous ? null : user.id,
          anonymous: input.anonymous,
          receiptHash: input.anonymous && input.receiptSecret ? await receiptHash(input.receiptSecret) : null,
          contactOk: input.contactOk,
          text: input.text,
          category: input.category,
          frequency: input.frequency,
          minutesLost: input.minutesLost,
          impact: input.impact,
          idea: input.idea ?? null,
          unitId: input.unitId ?? (input.anonymous ? null : user.unitId),
          host: input.screen?.host ?? null,
          path: input.screen?.path ?? null,
          pageTitle: input.pageTitle ?? null,
          createdAt: input.anonymous ? floorToHour(at) : at,
        },
        frequencyMultipliers,
      );
      const [inserted] = await db.batch(writes);
      const created = stored(toStoredFlag(inserted));
      return created ? { created: true, stored: created } : 0;
    },
  });
}
