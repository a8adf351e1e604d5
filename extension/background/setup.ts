import { browser } from 'wxt/browser';
import { requestFlagForm } from '../lib/open-flag';
import { flush } from '../lib/outbox';
import { keepPrefill } from '../lib/prefill';
import { storedSessionApi } from '../lib/session-api';
import { idleSignOutIfDue } from '../lib/signout';
import { notifyPrefsItem, sessionItem } from '../lib/storage';
import { BADGE_ALARM, pollBadge, scheduleBadge } from './badge';
import { onNotificationClicked } from './open-item';

export const MENU_ID = 'curbside-ask';
export const OUTBOX_ALARM = 'outbox';
/** The manifest command (wxt.config.ts) that opens the popup on the flag form. */
export const OPEN_FLAG_COMMAND = 'open-flag';

type Browser = typeof browser;

/**
 * openPopup needs a recent gesture on some browsers. When it is refused, a word on the badge (never a
 * number, which would read as a count of answers) says what waits behind a click on the toolbar button.
 */
async function openPopupOr(browserApi: Pick<Browser, 'action'>, badge: string) {
  try {
    await browserApi.action.openPopup();
  } catch {
    await browserApi.action.setBadgeText({ text: badge });
  }
}

/** Flushes the signed-in user's outbox with the stored session; a no-op when signed out. */
export async function flushStored(fetchFn?: typeof fetch, browserApi: Pick<Browser, 'runtime'> = browser) {
  const session = await sessionItem.getValue();
  if (!session) return null;
  return flush({ api: storedSessionApi(session, fetchFn, browserApi), userId: session.user.id });
}

/**
 * Everything the service worker does. It may be stopped at any moment, so listeners are
 * registered synchronously on every start and all state lives in storage.
 */
export function setupBackground(
  browserApi: Pick<Browser, 'runtime' | 'contextMenus' | 'alarms' | 'action' | 'tabs'> &
    Partial<Pick<Browser, 'commands' | 'notifications'>> = browser,
  flushNow: () => Promise<unknown> = () => flushStored(undefined, browserApi),
  idleCheck: () => Promise<unknown> = () => idleSignOutIfDue({ browser: browserApi }),
  badgeNow: () => Promise<unknown> = () => pollBadge(undefined, browser),
) {
  browserApi.runtime.onInstalled.addListener(() => {
    browserApi.contextMenus.create({ id: MENU_ID, title: 'Ask a mentor about this…', contexts: ['selection'] });
  });
  // Re-creating an existing alarm would restart its period on every wake-up.
  void browserApi.alarms.get(OUTBOX_ALARM).then(async (alarm) => {
    if (!alarm) await browserApi.alarms.create(OUTBOX_ALARM, { periodInMinutes: 1 });
  });

  browserApi.contextMenus.onClicked.addListener(async (info) => {
    if (info.menuItemId !== MENU_ID || !info.selectionText) return;
    await keepPrefill(info.selectionText.slice(0, 1500));
    await openPopupOr(browserApi, 'ask');
  });

  // The flag shortcut: the popup reads the request once and opens the form with the cursor in the text.
  browserApi.commands?.onCommand.addListener(async (command) => {
    if (command !== OPEN_FLAG_COMMAND) return;
    await requestFlagForm();
    await openPopupOr(browserApi, 'flag');
  });

  // The toolbar badge (queue or unread answers) and notifications: see background/badge.ts.
  void scheduleBadge(browserApi);
  // A new interval chosen in the popup re-times the alarm at once.
  notifyPrefsItem.watch(() => void scheduleBadge(browserApi));
  browserApi.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === BADGE_ALARM) await badgeNow();
  });
  // A click on a notification opens its item (background/open-item.ts).
  browserApi.notifications?.onClicked.addListener((id) => onNotificationClicked(id, browserApi));

  browserApi.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name !== OUTBOX_ALARM) return;
    // Idle first: an idle sign-out sends the user's items with their token, then ends the session.
    await idleCheck();
    await flushNow();
  });

  browserApi.runtime.onMessage.addListener((message: unknown) => {
    if (message === 'flush' || (message as { type?: string } | null)?.type === 'flush')
      return flushNow().then(() => true);
    return undefined;
  });
}
