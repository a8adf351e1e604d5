import { browser } from 'wxt/browser';
import { endpoints } from '../../shared/api';
import type { InboxSummary } from '../../shared/mentoring';
import type { Question } from '../../shared/questions';
import { readSeen } from '../lib/seen';
import { storedSessionApi } from '../lib/session-api';
import { notifiedItem, notifyPrefsItem, type StoredSession, sessionItem } from '../lib/storage';

export const BADGE_ALARM = 'badge';
const MAX_NOTIFIED = 1000;
/** A plain square in the brand colour: the extension ships no icon files yet, and Chrome requires one. */
const NOTIFICATION_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR4nGOQz99EEmIY1TCqYfhqAACMt0AQ/tsbngAAAABJRU5ErkJggg==';

type BadgeBrowser = Pick<typeof browser, 'runtime' | 'action'> & {
  notifications?: Pick<typeof browser.notifications, 'create'>;
};

export interface Notice {
  id: string;
  title: string;
  message: string;
}

export interface BadgeState {
  count: number;
  notices: Notice[];
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

/** Mentors and peer supporters: unclaimed questions in their routing; an escalation always counts. */
export function mentorBadge(summary: InboxSummary): BadgeState {
  const notices: Notice[] = [
    ...summary.escalated.map((e) => ({
      id: `escalated:${e.id}`,
      title: 'Someone needs to talk',
      message: 'A colleague asked to talk 30 minutes ago and no peer supporter has taken it yet.',
    })),
    ...summary.urgent.map((u) => ({
      id: `urgent:${u.id}`,
      title: u.kind === 'need_to_talk' ? 'Someone needs to talk' : 'New urgent question',
      message:
        u.kind === 'need_to_talk' ? 'A colleague asked for a peer supporter.' : 'A question for today is waiting.',
    })),
  ];
  return { count: Math.max(summary.unclaimed, summary.escalated.length), notices };
}

/** Clinicians: answers and clarifying questions they have not opened yet (keys as popup/my-items.ts). */
export function askerBadge(questions: readonly Question[], seen: readonly string[]): BadgeState {
  const seenSet = new Set(seen);
  const fresh = questions.flatMap((q) => q.answers.filter((a) => !seenSet.has(`answer:${a.id}`)));
  const asked = questions.filter((q) => q.needsReply && !seenSet.has(`clarify:${q.messages.at(-1)?.id ?? q.id}`));
  return {
    count: fresh.length + asked.length,
    notices: [
      ...fresh.map((a) => ({
        id: `answer:${a.id}`,
        title: 'Your question was answered',
        message: `${a.mentorName} answered.`,
      })),
      ...asked.map((q) => ({
        id: `clarify:${q.messages.at(-1)?.id ?? q.id}`,
        title: 'A mentor asked you something',
        message: 'Reply in My items so your question can be answered.',
      })),
    ],
  };
}

/** What the toolbar shows for this session: the queue for those who work it, else my answers. */
export async function computeBadge(session: StoredSession, fetchFn?: typeof fetch, browserApi: BadgeBrowser = browser) {
  const api = storedSessionApi(session, fetchFn, browserApi);
  const roles = session.user.roles;
  if (roles.includes('mentor') || roles.includes('peer_supporter')) {
    return mentorBadge(await api.call(endpoints.queueSummary, {}));
  }
  if (roles.some((r) => r === 'clinician' || r === 'lead')) {
    const { questions } = await api.call(endpoints.myQuestions, {});
    return askerBadge(questions, await readSeen(session.user.id));
  }
  return { count: 0, notices: [] };
}

/**
 * One poll: sets the badge and raises a notification once per new answer, urgent question or
 * alert (unless the user turned notifications off). Signed out, the badge is cleared.
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
  const [prefs, notified] = await Promise.all([notifyPrefsItem.getValue(), notifiedItem.getValue()]);
  const already = new Set(notified);
  const fresh = state.notices.filter((n) => !already.has(n.id));
  if (fresh.length > 0) {
    if (prefs.notifications && browserApi.notifications) {
      for (const n of fresh.slice(0, 3)) {
        await browserApi.notifications.create(n.id, {
          type: 'basic',
          iconUrl: NOTIFICATION_ICON,
          title: n.title,
          message: n.message,
        });
      }
    }
    await notifiedItem.setValue([...notified, ...fresh.map((n) => n.id)].slice(-MAX_NOTIFIED));
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
