import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import type { Session } from '../../shared/auth';
import { Flag } from '../../shared/flags';
import { HotspotDetail, HotspotList, type HotspotListQuery } from '../../shared/hotspots';
import worker from '../../worker/index';
import { HOUR, now, resetClock, setClock } from '../../worker/lib/clock';
import { HOURLY_CRON } from '../../worker/scheduled';
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

export async function flag(token: string, overrides: Record<string, unknown> = {}): Promise<Flag> {
  const res = await api('/v1/flags', { token, body: flagBody(overrides) });
  const json = await res.json();
  if (res.status !== 201) throw new Error(`flag failed: ${res.status} ${JSON.stringify(json)}`);
  return Flag.parse(json);
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

/**
 * Runs the hourly batch as the cron would an hour from now (anonymous flags reach hotspots and counts
 * only there), then puts the clock back to real time.
 */
export async function hourlyBatch(at = now() + HOUR): Promise<void> {
  setClock(() => at);
  try {
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: new Date(at), cron: HOURLY_CRON }), env, ctx);
    await waitOnExecutionContext(ctx);
  } finally {
    resetClock();
  }
}
