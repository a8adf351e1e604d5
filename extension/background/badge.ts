import { browser } from 'wxt/browser';
import { endpoints, REPORTERS } from '../../shared/api';
import { QUEUE_WORKERS } from '../../shared/api/mentor';
import type { Role } from '../../shared/enums';
import { FLAG_STATUS_LABELS, type Flag } from '../../shared/flags';
import type { InboxSummary } from '../../shared/mentoring';
import type { Question } from '../../shared/questions';
import { notificationId, type Target } from '../lib/deep-link';
import { answerKey, clarifyKey, fetchItems, flagNews } from '../lib/item-news';
import { ensureReceiptKey, readReceipts } from '../lib/receipts';
import { markNotified, readNotified, readSeen } from '../lib/seen';
import { storedSessionApi } from '../lib/session-api';
import { type NoticeKind, notifiedItem, notifyPrefsItem, type StoredSession, sessionItem } from '../lib/storage';

export const BADGE_ALARM = 'badge';
const MAX_NOTIFIED = 1000;
/** The toolbar icon (extension/public/icon/), which Chrome requires on every notification. */
const NOTIFICATION_ICON = '/icon/128.png';

type BadgeBrowser = Pick<typeof browser, 'runtime' | 'action'> & {
  notifications?: Pick<typeof browser.notifications, 'create'>;
};

export interface Notice {
  /** Once per event: the queue's ids, or the news keys of lib/item-news.ts. */
  key: string;
  kind: NoticeKind;
  title: string;
  message: string;
  /** What a click on the notification opens (background/open-item.ts). */
  open: Target;
}

export interface BadgeState {
  count: number;
  notices: Notice[];
}

const NONE: BadgeState = { count: 0, notices: [] };

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Mentors and peer supporters: unclaimed questions in their routing; an escalation always counts. */
export function mentorBadge(summary: InboxSummary): BadgeState {
  const inbox = (id: string): Target => ({ surface: 'inbox', id });
  const notices: Notice[] = [
    ...summary.escalated.map((e) => ({
      key: `escalated:${e.id}`,
      kind: 'queue' as const,
      title: 'Someone needs to talk',
      message: 'A colleague asked to talk 30 minutes ago and no peer supporter has taken it yet.',
      open: inbox(e.id),
    })),
    ...summary.urgent.map((u) => ({
      key: `urgent:${u.id}`,
      kind: 'queue' as const,
      title: u.kind === 'need_to_talk' ? 'Someone needs to talk' : 'New urgent question',
      message:
        u.kind === 'need_to_talk' ? 'A colleague asked for a peer supporter.' : 'A question for today is waiting.',
      open: inbox(u.id),
    })),
  ];
  return { count: Math.max(summary.unclaimed, summary.escalated.length), notices };
}

/**
 * The user's own items: answers and clarifying questions they have not opened yet, and each status
 * or response on their flags (named, or anonymous by receipt) they have not seen in My items.
 * Named and anonymous flags read the same, so a notification on screen does not say which it was.
 */
export function reporterBadge(
  { questions, flags }: { questions: readonly Question[]; flags: readonly Flag[] },
  seen: readonly string[],
): BadgeState {
  const seenSet = new Set(seen);
  const item = (id: string): Target => ({ surface: 'items', id });
  const answers: Notice[] = questions.flatMap((q) =>
    q.answers
      .filter((a) => !seenSet.has(answerKey(a.id)))
      .map((a) => ({
        key: answerKey(a.id),
        kind: 'answers' as const,
        title: 'Your question was answered',
        message: `${a.mentorName} answered.`,
        open: item(q.id),
      })),
  );
  const asked: Notice[] = questions
    .filter((q) => q.needsReply && !seenSet.has(clarifyKey(q)))
    .map((q) => ({
      key: clarifyKey(q),
      kind: 'answers' as const,
      title: 'A mentor asked you something',
      message: 'Reply in My items so your question can be answered.',
      open: item(q.id),
    }));
  const flagged: Notice[] = flags.flatMap((f) =>
    flagNews(f)
      .filter((k) => !seenSet.has(k))
      .map((k) =>
        k.startsWith('response:')
          ? {
              key: k,
              kind: 'flags' as const,
              title: 'A response to a flag you sent',
              message: 'See what was done about it in My items.',
              open: item(f.id),
            }
          : k.startsWith('tip:')
            ? {
                key: k,
                kind: 'flags' as const,
                title: 'A tip for a screen you flagged',
                message: 'A mentor wrote how to do it there: read it in My items.',
                open: item(f.id),
              }
            : {
                key: k,
                kind: 'flags' as const,
                title: 'A flag you sent was updated',
                message: `It is now: ${FLAG_STATUS_LABELS[f.status]}.`,
                open: item(f.id),
              },
      ),
  );
  const notices = [...answers, ...asked, ...flagged];
  return { count: notices.length, notices };
}

/** My items as the popup fetches them, with the user's key brought into memory to open receipts. */
async function reporterState(session: StoredSession, api: ReturnType<typeof storedSessionApi>) {
  const userId = session.user.id;
  // Without the key (offline just now) receipts and seen marks stay sealed: named items still count.
  await ensureReceiptKey(api, userId).catch(() => undefined);
  const receipts = (await readReceipts(userId)) ?? [];
  const mine = await fetchItems(api, userId, receipts, Date.now());
  const flags = [...mine.flags, ...mine.anonymous.filter((f): f is Flag => f !== null)];
  return reporterBadge({ questions: mine.questions, flags }, await readSeen(userId));
}

/** What the toolbar shows for this session: the sum over every role the user holds. */
export async function computeBadge(
  session: StoredSession,
  fetchFn?: typeof fetch,
  browserApi: BadgeBrowser = browser,
): Promise<BadgeState> {
  const api = storedSessionApi(session, fetchFn, browserApi);
  const roles = session.user.roles;
  const holds = (any: readonly Role[]) => roles.some((r) => any.includes(r));
  const parts = await Promise.all([
    holds(QUEUE_WORKERS) ? api.call(endpoints.queueSummary, {}).then(mentorBadge) : NONE,
    holds(REPORTERS) ? reporterState(session, api) : NONE,
  ]);
  return {
    count: parts.reduce((n, p) => n + p.count, 0),
    notices: parts.flatMap((p) => p.notices),
  };
}

/**
 * Which notices are new. Queue ids are nobody's own and are kept in the clear; news on the user's
 * own items is kept sealed for them (it names their flags, anonymous ones included), and without
 * their key in memory it waits rather than notify twice.
 */
async function takeFresh(userId: string, notices: readonly Notice[]): Promise<Notice[]> {
  const [plain, sealed] = await Promise.all([notifiedItem.getValue(), readNotified(userId)]);
  const already = new Set([...plain, ...sealed]);
  const fresh = notices.filter((n) => !already.has(n.key));
  const queue = fresh.filter((n) => n.kind === 'queue');
  const own = fresh.filter((n) => n.kind !== 'queue');
  if (queue.length > 0) await notifiedItem.setValue([...plain, ...queue.map((n) => n.key)].slice(-MAX_NOTIFIED));
  if (own.length === 0) return queue;
  await markNotified(
    userId,
    own.map((n) => n.key),
  );
  const recorded = new Set(await readNotified(userId));
  return [...queue, ...own.filter((n) => recorded.has(n.key))];
}

/**
 * One poll: sets the badge and raises a notification once per new answer, flag update, urgent
 * question or alert, for the kinds the user left on. Signed out, the badge is cleared.
 */
export async function pollBadge(
  fetchFn?: typeof fetch,
  browserApi: BadgeBrowser = browser,
): Promise<BadgeState | null> {
  const session = await sessionItem.getValue();
  if (!session) {
    await browserApi.action.setBadgeText({ text: '' });
    return null;
  }
  let state: BadgeState;
  try {
    state = await computeBadge(session, fetchFn, browserApi);
  } catch {
    return null; // Offline or signed out elsewhere: keep the last badge; the next poll tries again.
  }
  await browserApi.action.setBadgeText({ text: badgeText(state.count) });
  const [prefs, fresh] = await Promise.all([notifyPrefsItem.getValue(), takeFresh(session.user.id, state.notices)]);
  if (!prefs.notifications || !browserApi.notifications) return state;
  const wanted = fresh.filter((n) => !prefs.off?.includes(n.kind));
  for (const n of wanted.slice(0, 3)) {
    await browserApi.notifications.create(notificationId(n.key, n.open), {
      type: 'basic',
      iconUrl: (browserApi.runtime as unknown as { getURL(path: string): string }).getURL(NOTIFICATION_ICON),
      title: n.title,
      message: n.message,
    });
  }
  return state;
}

/** Creates (or re-times) the polling alarm from the user's chosen interval (default 1 minute). */
export async function scheduleBadge(browserApi: Pick<typeof browser, 'alarms'> = browser) {
  const { intervalMinutes } = await notifyPrefsItem.getValue();
  const period = Math.max(1, Math.min(60, intervalMinutes));
  const existing = await browserApi.alarms.get(BADGE_ALARM);
  if (existing?.periodInMinutes !== period) await browserApi.alarms.create(BADGE_ALARM, { periodInMinutes: period });
}
