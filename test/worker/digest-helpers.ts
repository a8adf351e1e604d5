import { env } from 'cloudflare:test';
import { expect, inject } from 'vitest';
import type { Session } from '../../shared/auth';
import { Channel, DeliveryList } from '../../shared/digests';
import { api } from './helpers';

declare module 'vitest' {
  interface ProvidedContext {
    digestReceiver: string;
    mailgunKey: string;
  }
}

/** What the local receivers (test/worker/digest-receiver.global.mjs) recorded for one name. */
export interface Received {
  platform: 'teams' | 'slack' | 'mail';
  mode: string;
  failed: boolean;
  parseError?: string;
  envelope?: { type: string; attachments: number; contentType: string };
  card?: {
    version: string;
    events: string[];
    texts: string[];
    actions: { type: string; title: string; url: string }[];
  };
  slack?: { problems: string[]; texts: string[]; buttons: string[] };
  authorized?: boolean;
  to?: string[];
  email?: { subject: string; from: string; to: string[]; messageId: string; text: string; html: string };
}

/** A receiver address no other test posts to. */
export function receiverUrl(platform: 'teams' | 'slack' | 'mail', mode: 'ok' | 'fail' | 'flaky' = 'ok') {
  const name = `r${crypto.randomUUID().slice(0, 8)}`;
  return { name, url: `${inject('digestReceiver')}/${platform}/${mode}/${name}` };
}

export async function received(name: string): Promise<Received[]> {
  return (await fetch(`${inject('digestReceiver')}/received/${name}`)).json();
}

/** Waits for work the API left to `waitUntil` (an urgent alert) to reach the receiver. */
export async function receivedAtLeast(name: string, count: number, timeoutMs = 5000): Promise<Received[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await received(name);
    if (got.length >= count || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function createChannel(admin: Session, body: Record<string, unknown>) {
  const res = await api('/v1/admin/channels', {
    token: admin.token,
    body: { clientId: crypto.randomUUID(), digestRoles: ['lead'], urgentAlerts: false, ...body },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return Channel.parse(await res.json());
}

export async function deliveries(admin: Session) {
  const res = await api('/v1/admin/deliveries', { token: admin.token });
  expect(res.status).toBe(200);
  return DeliveryList.parse(await res.json()).deliveries;
}

/** Turns every channel off, so one test's channels never receive the next test's messages. */
export async function quietChannels(): Promise<void> {
  await env.DB.prepare('UPDATE digest_channels SET active = 0').run();
}
