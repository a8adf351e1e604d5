import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import type { Session } from '../../shared/auth';
import { Flag, FlagList } from '../../shared/flags';
import { HotspotDetail, HotspotList, type HotspotListQuery } from '../../shared/hotspots';
import worker from '../../worker/index';
import { HOUR, now, resetClock, setClock } from '../../worker/lib/clock';
import { HOURLY_CRON, MINUTE_CRON } from '../../worker/scheduled';
import { api, enroll, enrollWith, flagBody, makeCode, randomSecret } from './helpers';

/** A host no other test uses, so hotspots from other tests never mix in. */
export function uniqueHost(): string {
  return `ehr-${crypto.randomUUID().slice(0, 8)}.example.org`;
}

export async function lead(): Promise<Session> {
  return enroll(['lead'], 'Lead Person');
}

export async function clinicianIn(unitId: string | null, name = 'Clin Ician'): Promise<Session> {
  return enrollWith(await makeCode({ roles: ['clinician'], unitId }), name);
}

/** Sends a flag as the popup does; it waits for the rollup batch (no hotspot yet). */
export async function sendFlag(token: string, overrides: Record<string, unknown> = {}): Promise<Flag> {
  const res = await api('/v1/flags', { token, body: flagBody(overrides) });
  const json = await res.json();
  if (res.status !== 201) throw new Error(`flag failed: ${res.status} ${JSON.stringify(json)}`);
  return Flag.parse(json);
}

/**
 * A named flag as dashboards see it a minute later: sent, then counted by the minute's rollup batch,
 * and read back from the sender's own list with its hotspot. An anonymous one is only sent (it counts
 * after its hour: `hourlyBatch`).
 */
export async function flag(token: string, overrides: Record<string, unknown> = {}): Promise<Flag> {
  const sent = await sendFlag(token, overrides);
  if (overrides.anonymous) return sent;
  await rollupBatch();
  const res = await api('/v1/flags/mine', { token });
  const counted = FlagList.parse(await res.json()).flags.find((f) => f.id === sent.id);
  if (!counted) throw new Error(`flag ${sent.id} is not in its sender's list`);
  return counted;
}

export async function anonymousFlag(token: string, overrides: Record<string, unknown> = {}) {
  const receiptSecret = randomSecret();
  const f = await flag(token, { anonymous: true, receiptSecret, ...overrides });
  return { flag: f, secret: receiptSecret };
}

export const screen = (host: string, path = '/medrec/:id') => ({ host, path });

export async function list(token: string, query: HotspotListQuery = {}): Promise<HotspotList> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const res = await api(`/v1/hotspots?${search}`, { token });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`list failed: ${res.status} ${JSON.stringify(json)}`);
  return HotspotList.parse(json);
}

export async function detail(token: string, id: string): Promise<HotspotDetail> {
  const res = await api(`/v1/hotspots/${id}`, { token });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`detail failed: ${res.status} ${JSON.stringify(json)}`);
  return HotspotDetail.parse(json);
}

/** The scheduled handler as the cron trigger `cron` runs it, at the worker's clock as it stands. */
async function runScheduled(at: number, cron = MINUTE_CRON): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: new Date(at), cron }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/**
 * Runs the triggers of the top of an hour at `at` (default: an hour from now): the minute's rollup batch,
 * when anonymous flags of this hour count too, then the hourly jobs (digests). Puts the clock back to
 * real time.
 */
export async function hourlyBatch(at = now() + HOUR): Promise<void> {
  setClock(() => at);
  try {
    await runScheduled(at, MINUTE_CRON);
    await runScheduled(at, HOURLY_CRON);
  } finally {
    resetClock();
  }
}

/**
 * The next minute's rollup batch at the clock as it stands (a test's own, if it set one): every named
 * flag sent so far reaches hotspots and counters (anonymous ones of this hour still wait). Dashboards
 * are this fresh in production, within a minute.
 */
export async function rollupBatch(): Promise<void> {
  await runScheduled(now());
}
