// The outbox benchmark's driver, run by bench/sections/outbox.mjs through vitest (so the extension's
// real modules load with WXT's fake browser): 1,000 items queued through a simulated outage and
// delivered by the real outbox (extension/lib/outbox.ts via the background's flushStored) to the real
// worker on loopback, through the failure-injecting proxy in ./proxy.ts. The clock is moved (one
// flush a simulated minute, as the service worker's alarm does); the network and the worker are real.
//
//   BENCH_OUTBOX_API      the real worker's URL
//   BENCH_OUTBOX_SESSION  the clinician's session (JSON: token, expiresAt, user) enrolled by the section
//   BENCH_OUTBOX_OUT      where to write the figures (JSON)
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newSecret } from '../../extension/lib/ids';
import type { FlagCreate } from '../../shared/flags';
import type { QuestionCreate } from '../../shared/questions';
import { type Failure, startFailureProxy } from './proxy';

const ITEMS = 1000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through npm run bench -- --only outbox`);
  return value;
};

const T0 = Date.now();
let now = T0;
const tick = (ms: number) => {
  now += ms;
  vi.setSystemTime(now);
};

// The outage, on the moved clock: 3 h with every connection dropped unanswered, 20 min of a gateway's
// 503, 20 min of 429 asking for 2 minutes; then up, with one answer in 25 lost after the worker stored
// the item (the retry must not make a second row).
const DOWN_UNTIL = T0 + 3 * HOUR;
const GATEWAY_UNTIL = DOWN_UNTIL + 20 * MINUTE;
const UP_AT = GATEWAY_UNTIL + 20 * MINUTE;
let forwardedWrites = 0;
function plan(req: { method?: string }): Failure {
  if (now < DOWN_UNTIL) return 'drop';
  if (now < GATEWAY_UNTIL) return 'gateway_503';
  if (now < UP_AT) return { status: 429, retryAfter: 120 };
  if (req.method !== 'POST') return null;
  forwardedWrites += 1;
  return forwardedWrites % 25 === 0 ? 'lose_response' : null;
}

let proxy: Awaited<ReturnType<typeof startFailureProxy>>;
beforeAll(async () => {
  proxy = await startFailureProxy(env('BENCH_OUTBOX_API'), plan);
});
afterAll(() => proxy?.close());

/** A fresh service worker: modules re-imported, so nothing survives but what is in storage. */
async function startServiceWorker() {
  vi.resetModules();
  const background = await import('../../extension/background/setup');
  const storage = await import('../../extension/lib/storage');
  const outbox = await import('../../extension/lib/outbox');
  const receipts = await import('../../extension/lib/receipts');
  return { ...background, ...storage, ...outbox, readReceipts: receipts.readReceipts };
}

/** Item i: 80% named flags, 10% anonymous flags (with a receipt), 10% questions; its number in the text. */
function item(i: number, userId: string) {
  const marker = `outbox bench item ${i}`;
  if (i % 10 === 9) {
    const body: QuestionCreate = {
      clientId: crypto.randomUUID(),
      text: `How do I reconcile home meds when the pharmacy list is stale? (${marker})`,
      topicId: 'topic-ehr-doc',
      disciplineWanted: 'any',
      urgency: 'this_week',
    };
    return { kind: 'question' as const, body, userId };
  }
  const anonymous = i % 10 === 4;
  const body: FlagCreate = {
    clientId: crypto.randomUUID(),
    text: `The order set hides the weight-based dose behind two clicks (${marker})`,
    category: 'orders_medications',
    frequency: 'daily',
    minutesLost: 5,
    impact: 'delay',
    anonymous,
    ...(anonymous ? { receiptSecret: newSecret() } : {}),
    contactOk: false,
  };
  return { kind: 'flag' as const, body, userId };
}

it('delivers 1,000 items queued through an outage', async () => {
  const started = performance.now();
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Curbside',
    version: '0.1.0',
  });
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);

  const session = JSON.parse(env('BENCH_OUTBOX_SESSION'));
  let sw = await startServiceWorker();
  await sw.sessionItem.setValue({ ...session, apiUrl: proxy.url });

  // The popup queues items while the network is down; the outbox alarm fires every minute meanwhile.
  const queued: { kind: string; clientId: string; marker: string }[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const it = item(i, session.user.id);
    await sw.enqueue(it, now);
    queued.push({ kind: it.kind, clientId: it.body.clientId, marker: `outbox bench item ${i}` });
    if (i % 50 === 49) {
      await sw.flushStored(undefined, fakeBrowser);
      tick(MINUTE);
    }
  }
  const queuedAtOnce = (await sw.outboxItem.getValue()).length;

  let restartedWith: number | null = null;
  let minutes = 0;
  let deliveredAt: number | null = null;
  for (; minutes < 24 * 60; minutes++) {
    await sw.flushStored(undefined, fakeBrowser);
    const pending = (await sw.outboxItem.getValue()).length;
    if (pending === 0) {
      deliveredAt = now;
      break;
    }
    if (restartedWith === null && now > UP_AT + MINUTE) {
      // The browser stops the service worker mid-delivery; a new one starts from storage alone.
      sw = await startServiceWorker();
      restartedWith = pending;
    }
    tick(MINUTE);
  }

  const figures = {
    items: ITEMS,
    queuedAtOnce,
    queued,
    left: (await sw.outboxItem.getValue()).length,
    needsAttention: Object.values(await sw.openAttentionFor(session.user.id)).map((a) => ({
      code: a.code,
      reason: a.reason,
    })),
    needsSignIn: await sw.needsSignInItem.getValue(),
    receipts: (await sw.readReceipts(session.user.id))?.length ?? null,
    restartedWith,
    outageMinutes: (UP_AT - T0) / MINUTE,
    deliveredAfterMinutes: deliveredAt === null ? null : (deliveredAt - T0) / MINUTE,
    proxy: proxy.stats,
    realSeconds: (performance.now() - started) / 1000,
  };
  vi.useRealTimers();
  writeFileSync(env('BENCH_OUTBOX_OUT'), `${JSON.stringify(figures, null, 2)}\n`);
  expect(figures.left).toBe(0);
}, 600_000);
