import { OutgoingMessage } from '../../shared/digests';
import {
  type ChannelRow,
  type DeliveryRow,
  dueDeliveries,
  getChannelRow,
  getDeliveries,
  insertDeliveries,
  recordAttempt,
} from '../db/channels';
import type { Env } from '../env';
import { HOUR, now } from '../lib/clock';
import { newId } from '../lib/crypto';
import { contentOf } from '../messages/content';
import { readSecret } from './channels';

/**
 * Sends queued messages to their channels and keeps the outcome. A failure waits BACKOFF[n] before
 * attempt n + 2 (the hourly job picks it up once due); after the last it is marked failed for admins,
 * who can send it again. The platform builders run in the curbside-sender Worker, not in this bundle.
 */
export const BACKOFF_MS = [5 * 60_000, 15 * 60_000, HOUR, 4 * HOUR, 12 * HOUR];
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;

export interface Enqueue {
  channel: Pick<ChannelRow, 'id'>;
  kind: DeliveryRow['kind'];
  dedupeKey: string;
  message: OutgoingMessage;
}

export async function enqueue(db: D1Database, items: Enqueue[], at = now()): Promise<string[]> {
  return insertDeliveries(
    db,
    items.map((i) => ({
      id: newId(),
      channel_id: i.channel.id,
      kind: i.kind,
      dedupe_key: i.dedupeKey,
      payload: JSON.stringify(OutgoingMessage.parse(i.message)),
      created_at: at,
    })),
  );
}

/** One attempt, by the curbside-sender Worker (`env.SENDER`), which builds the platform's body and posts it. */
async function send(env: Env, channel: ChannelRow, message: OutgoingMessage): Promise<string | null> {
  return env.SENDER.send(readSecret(channel), contentOf(message), env.ENVIRONMENT === 'production');
}

/** A channel an admin turned off: its messages fail at once, for the admin to send again if they wish. */
const CHANNEL_OFF = 'channel off';

function outcome(error: string | null, attempts: number, at: number) {
  if (error === null) return { status: 'sent' as const, error: null, nextAt: null, at };
  const wait = error === CHANNEL_OFF ? undefined : BACKOFF_MS[attempts];
  return wait === undefined
    ? { status: 'failed' as const, error, nextAt: null, at }
    : { status: 'pending' as const, error, nextAt: at + wait, at };
}

/** One attempt at each row; returns how many were delivered. */
export async function deliver(env: Env, rows: DeliveryRow[]): Promise<number> {
  let sent = 0;
  const channels = new Map<string, ChannelRow | null>();
  for (const row of rows) {
    if (!channels.has(row.channel_id)) channels.set(row.channel_id, await getChannelRow(env.DB, row.channel_id));
    const channel = channels.get(row.channel_id);
    let error: string | null;
    try {
      error = channel?.active ? await send(env, channel, OutgoingMessage.parse(JSON.parse(row.payload))) : CHANNEL_OFF;
    } catch (e) {
      error = e instanceof Error ? e.name : 'Error';
    }
    if ((await recordAttempt(env.DB, row.id, row.attempts, outcome(error, row.attempts, now()))) && error === null)
      sent++;
  }
  return sent;
}

export async function deliverIds(env: Env, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return deliver(
    env,
    (await getDeliveries(env.DB, ids)).filter((r) => r.status === 'pending'),
  );
}

/** The scheduled retry: everything due now, a bounded batch per run. */
export async function deliverDue(env: Env, at: number): Promise<number> {
  return deliver(env, await dueDeliveries(env.DB, at, 50));
}
