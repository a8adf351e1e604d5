import { openItemItem } from './storage';

/**
 * Where a notification (or a link) leads: an item in the popup's My items (a question's thread or a
 * flag), or a question in the mentor inbox. Both are plain extension pages, so the same address works
 * in a popup, a tab, Chrome's side panel and Firefox.
 */
export type Target = { surface: 'items'; id: string } | { surface: 'inbox'; id: string };

/** shared/ids.ts's Id, without zod: the popup reads the link before its zod chunk loads. */
const ID = /^[A-Za-z0-9_-]{6,64}$/;
const HASH_KEY = { items: 'item', inbox: 'question' } as const;
const PAGE = { items: '/popup.html', inbox: '/inbox.html' } as const;

/** The page and fragment that open a target: `/popup.html#item=ID`, `/inbox.html#question=ID`. */
export function targetPath(target: Target): string {
  return `${PAGE[target.surface]}#${HASH_KEY[target.surface]}=${encodeURIComponent(target.id)}`;
}

/** The id a page was opened at (`#item=ID` on the popup, `#question=ID` on the inbox), if well formed. */
export function idFromHash(hash: string, surface: Target['surface']): string | null {
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(HASH_KEY[surface]);
  return value !== null && ID.test(value) ? value : null;
}

/*
 * A notification's id carries its target, so a click finds the item even after the service worker
 * was stopped and started again in between: `surface|id|key`, where key makes it once per event.
 */
const SEP = '|';

export function notificationId(key: string, target: Target): string {
  return [target.surface, target.id, key].join(SEP);
}

export function targetOf(notificationId: string): Target | null {
  const [surface, id] = notificationId.split(SEP);
  if ((surface !== 'items' && surface !== 'inbox') || !id || !ID.test(id)) return null;
  return { surface, id };
}

const OPEN_ITEM_TTL_MS = 2 * 60_000;

export async function requestOpenItem(id: string, at = Date.now()): Promise<void> {
  await openItemItem.setValue({ id, at });
}

/** The requested item's id once, if fresh; any request is cleared on reading. */
export async function takeOpenItemRequest(now = Date.now()): Promise<string | null> {
  const req = await openItemItem.getValue();
  if (req === null) return null;
  await openItemItem.setValue(null);
  return now - req.at >= 0 && now - req.at <= OPEN_ITEM_TTL_MS ? req.id : null;
}
