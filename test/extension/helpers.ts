import { vi } from 'vitest';
import type { AttentionItem, OpenOutboxItem, StoredSession } from '../../extension/lib/storage';
import type { ErrorCode } from '../../shared/errors';
import type { FlagCreate } from '../../shared/flags';

export const USER = {
  id: 'user_aaaaaa',
  displayName: 'Sam Rivera',
  discipline: 'nursing' as const,
  unitId: 'unit_icu001',
  roles: ['clinician' as const],
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
};

export const SESSION: StoredSession = {
  token: 'tok_sam',
  expiresAt: '2026-12-01T00:00:00.000Z',
  user: USER,
  apiUrl: 'http://127.0.0.1:8787',
};

export function flagBody(overrides: Partial<FlagCreate> = {}): FlagCreate {
  return {
    clientId: crypto.randomUUID(),
    text: 'Order set hides the weight-based dose',
    category: 'orders_medications',
    frequency: 'daily',
    minutesLost: 5,
    impact: 'delay',
    anonymous: false,
    contactOk: false,
    ...overrides,
  };
}

/** What the API answers for a created flag. */
export function flagResponse(body: FlagCreate, id = 'flag_000001') {
  return {
    id,
    clientId: body.clientId,
    text: body.text,
    category: body.category,
    frequency: body.frequency,
    minutesLost: body.minutesLost,
    impact: body.impact,
    idea: null,
    unitId: null,
    screen: null,
    pageTitle: null,
    anonymous: body.anonymous ?? false,
    contactOk: false,
    status: 'new',
    createdAt: '2026-01-02T10:00:00.000Z',
  };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/** fakeBrowser leaves getManifest unimplemented; the client reads the version from it. */
export function mockManifest(fakeBrowser: { runtime: { getManifest: () => unknown } }) {
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Curbside',
    version: '0.1.0',
  });
}

/** Answers the receipt-key endpoint as the worker does (one key per user), and passes the rest on. */
export function withReceiptKey(fetchFn: typeof fetch, key = 'cd'.repeat(32)): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) =>
    String(input).endsWith('/v1/me/receipt-key') ? json(200, { key }) : fetchFn(input, init)) as typeof fetch;
}

/** The user signed in on this browser as far as sealing goes: their key in memory, their device keys made. */
export async function unlockedFor(userId: string, key = 'cd'.repeat(32)): Promise<void> {
  const [{ receiptKeyItem }, { ensureUserKeys }] = await Promise.all([
    import('../../extension/lib/storage'),
    import('../../extension/lib/vault'),
  ]);
  await receiptKeyItem.setValue({ userId, key });
  await ensureUserKeys(userId, key);
}

/** A "needs attention" entry stored as the outbox stores it: sealed for its owner (their keys must exist). */
export async function sealedAttention(entry: {
  item: OpenOutboxItem;
  reason: string;
  code: ErrorCode;
  details?: unknown;
  at: number;
}): Promise<AttentionItem> {
  const { sealFor } = await import('../../extension/lib/vault');
  const { body, ...item } = entry.item;
  return {
    item: { ...item, sealed: await sealFor(item.userId, body) },
    at: entry.at,
    note: await sealFor(item.userId, { reason: entry.reason, code: entry.code, details: entry.details }),
  };
}

/** The signed-in user's drafts, opened as the popup opens them. */
export async function openDrafts() {
  const { loadDrafts } = await import('../../extension/lib/draft-store');
  return (await loadDrafts()).drafts;
}

export type RouteHandler = (body: unknown, url: URL) => Response | Promise<Response>;

/**
 * A fetch that answers by "METHOD /path" from a table and records every request (parsed body, URL), as the
 * API would be reached; an unknown route answers 404 in the API's error shape. One piece for the surfaces'
 * component tests, so each test only states the routes it cares about.
 */
export function routeFetch(handlers: Record<string, RouteHandler>) {
  const requests: { route: string; body: unknown; url: URL }[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const route = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ route, body, url });
    const handler = handlers[route];
    return handler ? handler(body, url) : json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchFn, requests, routes: (route: string) => requests.filter((r) => r.route === route) };
}
