import { ApiError, NetworkError } from '../../lib/errors';
import { needsSignInItem } from '../../lib/storage';
import type { Core } from './core';
import { services } from './load-services';

/** My items: the merged list, its offline copy and the unread marks. */
export function createItemActions(core: Core) {
  const { now, api, unlock, fail, session, items, itemsCachedAt } = core;

  async function loadItems() {
    const s = session.value;
    if (!s) return;
    await unlock();
    const { buildItems, fetchItems, ensureReceiptKey, readReceipts, readItemsCache, writeItemsCache, readSeen } =
      await services();
    const seen = await readSeen(s.user.id);
    const mine = await readItemsCache(s.user.id);
    if (mine && !items.value) {
      items.value = buildItems(mine, seen);
      itemsCachedAt.value = mine.fetchedAt;
    }
    try {
      const client = await api();
      // Anonymous receipts are sealed with this user's key, which only their session can fetch.
      await ensureReceiptKey(client, s.user.id);
      const receipts = (await readReceipts(s.user.id)) ?? [];
      const fresh = await fetchItems(client, s.user.id, receipts, now());
      await writeItemsCache(fresh);
      items.value = buildItems(fresh, seen);
      itemsCachedAt.value = null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) await needsSignInItem.setValue(true);
      if (!mine) items.value = [];
      if (!(e instanceof NetworkError && mine)) fail(e);
    }
  }

  /** Marks what is shown as seen; the marks stay on screen until the list is next opened. */
  async function markSeen(keys: string[]) {
    const s = session.value;
    if (!s || keys.length === 0) return;
    const svc = await services();
    await svc.markSeen(s.user.id, keys);
  }

  return { loadItems, markSeen };
}
