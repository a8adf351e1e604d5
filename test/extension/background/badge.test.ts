import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BADGE_ALARM, badgeText, pollBadge } from '../../../extension/background/badge';
import { setupBackground } from '../../../extension/background/setup';
import { targetOf } from '../../../extension/lib/deep-link';
import { addReceipt } from '../../../extension/lib/receipts';
import { markSeen } from '../../../extension/lib/seen';
import { notifiedItem, notifyPrefsItem, sessionItem } from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER, unlockedFor } from '../helpers';

const PEER_SESSION = { ...SESSION, user: { ...USER, roles: ['peer_supporter' as const] } };
const BOTH_SESSION = { ...SESSION, user: { ...USER, roles: ['clinician' as const, 'mentor' as const] } };
const SECRET = 'ab'.repeat(32);

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

function flag(id: string, overrides: Record<string, unknown> = {}) {
  return { ...flagResponse(flagBody(), id), createdAt: '2026-03-01T10:00:00.000Z', ...overrides };
}

function tipRequest(id: string) {
  return {
    id,
    screen: { host: 'ehr.example.org', path: '/orders' },
    category: 'orders_medications',
    title: null,
    topicId: 'topic_00001',
    note: null,
    requestedAt: '2026-03-02T10:00:00.000Z',
  };
}

const person = (id: string, displayName: string) => ({ id, displayName, discipline: 'nursing' });

function mentorship(id: string, myRole: 'mentee' | 'mentor', nextCheckInAt: string | null, status = 'active') {
  return {
    id,
    clientId: crypto.randomUUID(),
    status,
    awaiting: null,
    mentee: person('user_mentee1', 'Mae Mentee'),
    mentor: person('user_mentor1', 'Mo Mentor'),
    purpose: 'Grow as a charge nurse',
    goals: '',
    rhythm: 'weekly',
    createdAt: '2026-03-01T10:00:00.000Z',
    startedAt: '2026-03-01T10:00:00.000Z',
    endedAt: null,
    nextCheckInAt,
    remindedAt: null,
    myRole,
  };
}

const PAST = '2020-01-01T09:00:00.000Z';
const FUTURE = '2099-01-01T09:00:00.000Z';

/** The API as the background sees it: each list set by the test, every request recorded. */
function api() {
  const data = {
    summary: summary(0),
    questions: [] as ReturnType<typeof question>[],
    flags: [] as ReturnType<typeof flag>[],
    /** Anonymous flags by receipt secret. */
    receipts: {} as Record<string, ReturnType<typeof flag>>,
    tipRequests: [] as ReturnType<typeof tipRequest>[],
    mentorships: [] as ReturnType<typeof mentorship>[],
  };
  const calls: { path: string; body: unknown }[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const path = new URL(String(input)).pathname;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path, body });
    if (path === '/v1/queue/summary') return json(200, data.summary);
    if (path === '/v1/questions/mine') return json(200, { questions: data.questions });
    if (path === '/v1/flags/mine') return json(200, { flags: data.flags });
    if (path === '/v1/tip-requests') return json(200, { requests: data.tipRequests });
    if (path === '/v1/mentorships/mine') return json(200, { mentorships: data.mentorships });
    if (path === '/v1/me/receipt-key') return json(200, { key: 'cd'.repeat(32) });
    if (path === '/v1/receipts/status')
      return json(200, { flags: (body.secrets as string[]).map((s) => data.receipts[s] ?? null) });
    return json(404, { error: { code: 'not_found', message: path } });
  });
  return { data, calls, fetchFn };
}

/** The service worker's browser, with notifications recorded. */
function worker() {
  const create = vi.fn(async (_id: string, _options: { title: string; message: string }) => 'id');
  const b = { ...fakeBrowser, notifications: { create } };
  return { b: b as unknown as Parameters<typeof pollBadge>[1], create };
}

describe('toolbar badge', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    mockManifest(fakeBrowser);
  });

  it('shows a peer supporter the unclaimed questions in their routing', async () => {
    await sessionItem.setValue(PEER_SESSION);
    const { data, calls, fetchFn } = api();
    data.summary = summary(3);
    await pollBadge(fetchFn, worker().b);
    expect(calls.map((c) => c.path)).toEqual(['/v1/queue/summary']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });

  it('shows a clinician their unread answers, and clears once seen', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(SESSION.user.id);
    const { data, fetchFn } = api();
    data.questions = [question('q_000001', ['a_000001', 'a_000002']), question('q_000002', [])];
    const { b } = worker();
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    await markSeen(SESSION.user.id, ['answer:a_000001', 'answer:a_000002']);
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('adds up every role: a mentor who also asks counts the queue and the answers to their own questions', async () => {
    await sessionItem.setValue(BOTH_SESSION);
    await unlockedFor(USER.id);
    const { data, fetchFn } = api();
    data.summary = summary(2);
    data.questions = [question('q_000001', ['a_000001'])];
    const { b, create } = worker();
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    expect(create.mock.calls.map((c) => c[1].title)).toEqual(['Your question was answered']);
  });

  it('counts a mentor’s open tip requests and a check-in due, one request each per poll, without notifying', async () => {
    await sessionItem.setValue(BOTH_SESSION);
    await unlockedFor(USER.id);
    const { data, calls, fetchFn } = api();
    data.summary = summary(1);
    data.tipRequests = [tipRequest('treq_000001'), tipRequest('treq_000002')];
    data.mentorships = [
      mentorship('ms_0000001', 'mentor', PAST),
      // Not yet due, or no longer live: not counted.
      mentorship('ms_0000002', 'mentor', FUTURE),
      mentorship('ms_0000003', 'mentor', null, 'ended'),
    ];
    const { b, create } = worker();
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('4');
    expect(create).not.toHaveBeenCalled();
    const paths = calls.map((c) => c.path);
    expect(paths.filter((p) => p === '/v1/tip-requests')).toHaveLength(1);
    expect(paths.filter((p) => p === '/v1/mentorships/mine')).toHaveLength(1);

    // The tip written and "We met" pressed: both leave the badge.
    data.tipRequests = [];
    data.mentorships = [mentorship('ms_0000001', 'mentor', FUTURE)];
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });

  it('counts a mentee’s check-in due, and asks a clinician nothing about tip requests', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(USER.id);
    const { data, calls, fetchFn } = api();
    data.mentorships = [mentorship('ms_0000001', 'mentee', PAST)];
    await pollBadge(fetchFn, worker().b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(calls.map((c) => c.path)).not.toContain('/v1/tip-requests');
  });

  it('tells the reporter when a flag’s status or response changes, named or anonymous by receipt', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(USER.id);
    await addReceipt({
      clientId: crypto.randomUUID(),
      secret: SECRET,
      createdAt: 0,
      textPreview: 'x',
      userId: USER.id,
    });
    const { data, calls, fetchFn } = api();
    data.flags = [flag('flag_named1', { status: 'acknowledged' }), flag('flag_quiet1')];
    data.receipts[SECRET] = flag('flag_anon01', {
      anonymous: true,
      response: 'We moved the dose field up.',
      respondedAt: '2026-03-03T09:00:00.000Z',
    });
    const { b, create } = worker();
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    // The anonymous flag is asked for by its secret alone: no token, nothing else in the body.
    const byReceipt = calls.find((c) => c.path === '/v1/receipts/status');
    expect(byReceipt?.body).toEqual({ secrets: [SECRET] });
    const shown = create.mock.calls.map(([id, o]) => ({ target: targetOf(id), title: o.title, message: o.message }));
    expect(shown).toEqual([
      {
        target: { surface: 'items', id: 'flag_named1' },
        title: 'A flag you sent was updated',
        message: 'It is now: Acknowledged.',
      },
      {
        target: { surface: 'items', id: 'flag_anon01' },
        title: 'A response to a flag you sent',
        message: 'See what was done about it in My items.',
      },
    ]);
    // Once: the next poll raises nothing. What was notified is sealed: no flag id in the clear.
    await pollBadge(fetchFn, b);
    expect(create).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('flag_anon01');

    // A later status is news again; seen in My items, it no longer counts.
    data.receipts[SECRET] = { ...data.receipts[SECRET], status: 'resolved' } as ReturnType<typeof flag>;
    await pollBadge(fetchFn, b);
    expect(create).toHaveBeenCalledTimes(3);
    expect(create.mock.calls[2]?.[1].message).toBe('It is now: Resolved.');
    await markSeen(USER.id, [
      'status:flag_named1:acknowledged',
      'response:flag_anon01:2026-03-03T09:00:00.000Z',
      'status:flag_anon01:resolved',
    ]);
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('tells every reporter, named or anonymous by receipt, when a tip is written after a training gap', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(USER.id);
    await addReceipt({
      clientId: crypto.randomUUID(),
      secret: SECRET,
      createdAt: 0,
      textPreview: 'x',
      userId: USER.id,
    });
    const { data, fetchFn } = api();
    const tip = { id: 'tip_000001', text: 'Reconcile tab, then Refresh', publishedAt: '2026-03-03T09:00:00.000Z' };
    data.flags = [flag('flag_named1', { tip })];
    data.receipts[SECRET] = flag('flag_anon01', { anonymous: true, tip });
    const { b, create } = worker();
    await pollBadge(fetchFn, b);
    const shown = create.mock.calls.map(([id, o]) => ({ target: targetOf(id), title: o.title }));
    expect(shown).toEqual([
      { target: { surface: 'items', id: 'flag_named1' }, title: 'A tip for a screen you flagged' },
      { target: { surface: 'items', id: 'flag_anon01' }, title: 'A tip for a screen you flagged' },
    ]);
    await pollBadge(fetchFn, b);
    expect(create).toHaveBeenCalledTimes(2);
    await markSeen(USER.id, ['tip:flag_named1:tip_000001', 'tip:flag_anon01:tip_000001']);
    await pollBadge(fetchFn, b);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('notifies once per new answer or urgent question, and not at all when turned off', async () => {
    await sessionItem.setValue(PEER_SESSION);
    const { b, create } = worker();
    const { data, fetchFn } = api();
    data.summary = summary(1, ['q_urgent1']);
    await pollBadge(fetchFn, b);
    await pollBadge(fetchFn, b);
    expect(create).toHaveBeenCalledTimes(1);
    expect(targetOf(create.mock.calls[0]?.[0] ?? '')).toEqual({ surface: 'inbox', id: 'q_urgent1' });

    await notifyPrefsItem.setValue({ notifications: false, intervalMinutes: 1 });
    data.summary = summary(2, ['q_urgent1', 'q_urgent2'], ['q_talk01']);
    await pollBadge(fetchFn, b);
    expect(create).toHaveBeenCalledTimes(1);
    expect(await notifiedItem.getValue()).toContain('escalated:q_talk01');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
  });

  it('leaves out the kinds the user turned off, and still counts them', async () => {
    await sessionItem.setValue(BOTH_SESSION);
    await unlockedFor(USER.id);
    await notifyPrefsItem.setValue({ notifications: true, intervalMinutes: 1, off: ['queue', 'flags'] });
    const { data, fetchFn } = api();
    data.summary = summary(1, ['q_urgent1']);
    data.questions = [question('q_000001', ['a_000001'])];
    data.flags = [flag('flag_named1', { status: 'in_progress' })];
    const { b, create } = worker();
    await pollBadge(fetchFn, b);
    expect(create.mock.calls.map((c) => c[1].title)).toEqual(['Your question was answered']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });

  it('keeps the last badge when offline, and clears it when signed out', async () => {
    await sessionItem.setValue(PEER_SESSION);
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
    await sessionItem.setValue(PEER_SESSION);
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
