import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createApi } from '../../../extension/lib/api';
import { enqueue, flush } from '../../../extension/lib/outbox';
import { readReceipts } from '../../../extension/lib/receipts';
import { needsAttentionItem, outboxItem } from '../../../extension/lib/storage';
import { updateRequiredItem } from '../../../extension/lib/update-required';
import { flagBody, flagResponse, json, USER, unlockedFor, withReceiptKey } from '../helpers';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const TOO_OLD = () =>
  json(426, {
    error: {
      code: 'upgrade_required',
      message: 'This version of Curbside (0.1.0) is too old; update to 0.2.0 or later',
      details: { minimumVersion: '0.2.0', instructions: 'Restart Chrome, or call the service desk.' },
    },
  });

function apiWith(fetchFn: typeof fetch) {
  return createApi({
    baseUrl: 'http://api.test',
    getToken: () => 'tok',
    fetchFn: withReceiptKey(fetchFn),
    version: '0.1.0',
  });
}

beforeEach(async () => {
  fakeBrowser.reset();
  await unlockedFor(USER.id);
});

describe('the outbox when the extension is too old (426)', () => {
  it('keeps every item safe in the outbox, never in "needs attention", and remembers what to tell the person', async () => {
    const fetchFn = vi.fn<typeof fetch>(async () => TOO_OLD());
    const first = flagBody();
    const second = flagBody({ text: 'Second flag' });
    await enqueue({ kind: 'flag', body: first, userId: USER.id }, T0);
    await enqueue({ kind: 'flag', body: second, userId: USER.id }, T0 + 1);

    const result = await flush({ api: apiWith(fetchFn), now: T0 + 2, userId: USER.id });

    expect(result).toMatchObject({ delivered: [], needsAttention: [], updateRequired: true });
    // The rest would be refused the same way: one request, not one per item.
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect((await outboxItem.getValue()).map((i) => i.clientId)).toEqual([first.clientId, second.clientId]);
    expect(await needsAttentionItem.getValue()).toEqual([]);
    expect(await updateRequiredItem.getValue()).toMatchObject({
      minimumVersion: '0.2.0',
      instructions: 'Restart Chrome, or call the service desk.',
    });
  });

  it('sends the kept items once the API takes the version again, and the notice passes', async () => {
    const body = flagBody();
    await enqueue({ kind: 'flag', body, userId: USER.id }, T0);
    await flush({ api: apiWith(async () => TOO_OLD()), now: T0, userId: USER.id });

    const ok = vi.fn<typeof fetch>(async (_u, init) => json(201, flagResponse(JSON.parse(String(init?.body)))));
    const result = await flush({ api: apiWith(ok), now: T0 + 3_600_000, userId: USER.id });

    expect(result.delivered).toEqual([body.clientId]);
    expect(await outboxItem.getValue()).toEqual([]);
    expect(await updateRequiredItem.getValue()).toBeNull();
  });
});

describe('"me too" and "need to talk" through the outbox', () => {
  it('delivers a queued "me too" to its hotspot and keeps an anonymous one’s receipt', async () => {
    const fetchFn = vi.fn<typeof fetch>(async (_u, init) =>
      json(201, { ...flagResponse(flagBody()), clientId: JSON.parse(String(init?.body)).clientId, anonymous: true }),
    );
    const clientId = crypto.randomUUID();
    const secret = 'ab'.repeat(32);
    await enqueue(
      {
        kind: 'meToo',
        userId: USER.id,
        body: { hotspotId: 'hotspot_0001', clientId, anonymous: true, receiptSecret: secret },
      },
      T0,
    );
    expect((await flush({ api: apiWith(fetchFn), now: T0, userId: USER.id })).delivered).toEqual([clientId]);

    const [url, init] = fetchFn.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://api.test/v1/hotspots/hotspot_0001/me-too');
    // The hotspot travels in the path only; the body is what the API's schema takes.
    expect(JSON.parse(String(init?.body))).toEqual({ clientId, anonymous: true, receiptSecret: secret });
    expect(await readReceipts(USER.id)).toEqual([
      { clientId, secret, createdAt: T0, textPreview: 'Me too', userId: USER.id },
    ]);
  });

  it('waits offline with a "need to talk", then sends it with the same clientId', async () => {
    const clientId = crypto.randomUUID();
    await enqueue({ kind: 'talk', userId: USER.id, body: { clientId, text: 'Rough night' } }, T0);
    const offline = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect((await flush({ api: apiWith(offline), now: T0, userId: USER.id })).failed).toEqual([clientId]);
    expect(await outboxItem.getValue()).toHaveLength(1);

    const online = vi.fn<typeof fetch>(async () =>
      json(201, { question: {}, support: { employeeAssistance: '', crisisContacts: '' } }),
    );
    await flush({ api: apiWith(online), now: T0 + 60_000, userId: USER.id });
    const [url, init] = online.mock.calls[0] ?? [];
    expect(String(url)).toBe('http://api.test/v1/need-to-talk');
    expect(JSON.parse(String(init?.body))).toEqual({ clientId, text: 'Rough night' });
    // A 2xx whose body this build cannot read still counts as delivered (the server stored it).
    expect(await outboxItem.getValue()).toEqual([]);
  });
});
