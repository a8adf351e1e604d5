import { ApiError, NetworkError } from '../../lib/errors';
import { needsSignInItem } from '../../lib/storage';
import type { Core } from './core';
import { services } from './load-services';

/** My items: the merged list, its offline copy and the unread marks (withdraw and close: item-writes.ts). */
export function createItemActions(core: Core) {
  const { state, now, api, unlock, fail } = core;

  async function loadItems() {
    const s = state.session.value;
    if (!s) return;
    await unlock();
    const { buildItems, fetchItems, ensureReceiptKey, readReceipts, readItemsCache, writeItemsCache, readSeen } =
      await services();
    const seen = await readSeen(s.user.id);
    const mine = await readItemsCache(s.user.id);
    if (mine && !state.items.value) {
      state.items.value = buildItems(mine, seen);
      state.itemsCachedAt.value = mine.fetchedAt;
    }
    try {
      const client = await api();
      // Anonymous receipts are sealed with this user's key, which only their session can fetch.
      await ensureReceiptKey(client, s.user.id);
      const receipts = (await readReceipts(s.user.id)) ?? [];
      const fresh = await fetchItems(client, s.user.id, receipts, now());
      await writeItemsCache(fresh);
      state.items.value = buildItems(fresh, seen);
      state.itemsCachedAt.value = null;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) await needsSignInItem.setValue(true);
      if (!mine) state.items.value = [];
      if (!(e instanceof NetworkError && mine)) fail(e);
    }
  }

  /** Marks what is shown as seen; the marks stay on screen until the list is next opened. */
  async function markSeen(keys: string[]) {
    const s = state.session.value;
    if (!s || keys.length === 0) return;
    const svc = await services();
    await svc.markSeen(s.user.id, keys);
  }

  return { loadItems, markSeen };
}
