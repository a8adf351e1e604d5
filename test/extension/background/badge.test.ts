import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_ALARM, badgeText, pollBadge } from '../../../extension/background/badge';
import { setupBackground } from '../../../extension/background/setup';
import { markSeen } from '../../../extension/lib/seen';
import { notifiedItem, notifyPrefsItem, sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION, USER, unlockedFor } from '../helpers';

const MENTOR_SESSION = { ...SESSION, user: { ...USER, roles: ['mentor' as const] } };

function summary(unclaimed: number, urgent: string[] = [], escalated: string[] = []) {
  return {
    unclaimed,
    urgent: urgent.map((id) => ({ id, kind: 'question', createdAt: '2026-03-02T10:00:00.000Z' })),
    escalated: escalated.map((id) => ({ id, createdAt: '2026-03-02T10:00:00.000Z' })),
  };
}

function question(id: string, answerIds: string[]) {
  return {
    id,
    clientId: crypto.randomUUID(),
    kind: 'question',
    text: 'How do I reorder a PRN?',
    topicId: 'topic_00001',
    disciplineWanted: 'any',
    urgency: 'today',
    screen: null,
    pageTitle: null,
    status: answerIds.length ? 'answered' : 'open',
    createdAt: '2026-03-02T10:00:00.000Z',
    answers: answerIds.map((a) => ({
      id: a,
      text: 'Like this',
      mentorName: 'Mo',
      createdAt: '2026-03-02T11:00:00.000Z',
    })),
    messages: [],
    needsReply: false,
    helpful: null,
    shareConsent: false,
    published: false,
  };
}

/** The service worker's browser, with notifications recorded. */
function worker() {
  const create = vi.fn(async (_id: string, _options: unknown) => 'id');
  const b = { ...fakeBrowser, notifications: { create } };
  return { b: b as unknown as Parameters<typeof pollBadge>[1], create };
}

describe('toolbar badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });

  it('shows a mentor the unclaimed questions in their routing', async () => {
    await sessionItem.setValue(MENTOR_SESSION);
    const fetchFn = vi.fn<typeof fetch>(async () => json(200, summary(3)));
    await pollBadge(fetchFn, worker().b);
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe('http://127.0.0.1:8787/v1/queue/summary');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });

  it('shows a clinician their unread answers, and clears once seen', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(SESSION.user.id);
    const fetchFn = vi.fn<typeof fetch>(async () =>
      json(200, { questions: [question('q_000001', ['a_000001', 'a_000002']), question('q_000002', [])] }),
    );
    const { b } = worker();
    await pollBadge(fetchFn, b);
    expect(String(fetchFn.mock.calls[0]?.[0])).toBe('http://127.0.0.1:8787/v1/questions/mine');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    await markSeen(SESSION.user.id, ['answer:a_000001', 'answer:a_000002']);
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('notifies once per new answer or urgent question, and not at all when turned off', async () => {
    await sessionItem.setValue(MENTOR_SESSION);
    const { b, create } = worker();
    let body = summary(1, ['q_urgent1']);
    const fetchFn = vi.fn<typeof fetch>(async () => json(200, body));
    await pollBadge(fetchFn, b);
    await pollBadge(fetchFn, b);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create.mock.calls[0]?.[0]).toBe('urgent:q_urgent1');

    await notifyPrefsItem.setValue({ notifications: false, intervalMinutes: 1 });
    body = summary(2, ['q_urgent1', 'q_urgent2'], ['q_talk01']);
    await pollBadge(fetchFn, b);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await notifiedItem.getValue()).toContain('escalated:q_talk01');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('keeps the last badge when offline, and clears it when signed out', async () => {
    await sessionItem.setValue(MENTOR_SESSION);
    const { b } = worker();
    await pollBadge(async () => json(200, summary(4)), b);
    await pollBadge(async () => {
      throw new TypeError('offline');
    }, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
    await sessionItem.setValue(null);
    await pollBadge(async () => json(200, summary(4)), b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('is polled by the service worker on its alarm, every minute by default', async () => {
    await sessionItem.setValue(MENTOR_SESSION);
    const { b } = worker();
    const fetchFn = vi.fn<typeof fetch>(async () => json(200, summary(120)));
    const contextMenus = { create: vi.fn(), onClicked: { addListener: vi.fn() } };
    // fakeBrowser implements neither context menus nor keyboard commands.
    const commands = { onCommand: { addListener: vi.fn() } };
    setupBackground(
      { ...fakeBrowser, contextMenus, commands } as unknown as Parameters<typeof setupBackground>[0],
      async () => null,
      async () => null,
      () => pollBadge(fetchFn, b),
    );
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(BADGE_ALARM))?.periodInMinutes).toBe(1));
    await fakeBrowser.alarms.onAlarm.trigger({
      name: BADGE_ALARM,
      scheduledTime: Date.now(),
      persistAcrossSessions: false,
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('99+');
  });

  it('formats counts for the badge', () => {
    expect([0, 1, 99, 100].map(badgeText)).toEqual(['', '1', '99', '99+']);
  });
});
