import type { Flag } from '../../../shared/flags';
import type { Question } from '../../../shared/questions';
import { ApiError, NetworkError } from '../../lib/errors';
import { needsSignInItem } from '../../lib/storage';
import type { MyItem } from '../my-items';
import type { Core } from './core';
import { services } from './load-services';

/** My items: the merged list, its offline copy, the unread marks, withdrawing a flag and closing a question. */
export function createItemActions(core: Core) {
  const { state, now, api, unlock, announce, fail } = core;

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

  /** Puts the API's copy of one item into the list and its offline copy, keeping the "New" marks shown. */
  async function applyChange(changed: { flag?: Flag; question?: Question }) {
    const s = state.session.value;
    if (!s) return;
    const svc = await services();
    const cache = await svc.readItemsCache(s.user.id);
    if (!cache) {
      // No offline copy to update (the key is not in memory): the API's list is the truth.
      await loadItems();
      return;
    }
    const next = svc.replaceInCache(cache, changed);
    await svc.writeItemsCache(next);
    const shown = new Map((state.items.value ?? []).map((i) => [i.id, i.unread]));
    state.items.value = svc
      .buildItems(next, await svc.readSeen(s.user.id))
      .map((i) => ({ ...i, unread: shown.get(i.id) ?? i.unread }));
  }

  /** One write at a time (a double click sends once); null, with the reason shown, when it failed. */
  async function act<T>(run: () => Promise<T>): Promise<T | null> {
    if (state.busy.value) return null;
    state.busy.value = true;
    state.error.value = '';
    try {
      return await run();
    } catch (e) {
      fail(e);
      return null;
    } finally {
      state.busy.value = false;
    }
  }

  /**
   * Takes a flag back: a named one by its id, an anonymous one by the receipt kept on this device
   * (the server knows no sender for it, so the secret is the only proof).
   */
  async function withdrawFlag(item: MyItem): Promise<boolean> {
    const s = state.session.value;
    if (!s || item.kind !== 'flag') return false;
    const { endpoints, readReceipts } = await services();
    const receipt = item.anonymous
      ? (await readReceipts(s.user.id))?.find((r) => r.clientId === item.clientId)
      : undefined;
    if (item.anonymous && !receipt) {
      state.error.value =
        'This anonymous flag’s receipt is not on this device: it can be withdrawn only where it was sent from.';
      return false;
    }
    const flag = await act(async () => {
      const client = await api();
      return receipt
        ? client.call(endpoints.withdrawReceipt, { body: { secret: receipt.secret } })
        : client.call(endpoints.withdrawFlag, { params: { id: item.id } });
    });
    if (!flag) return false;
    await applyChange({ flag });
    announce('Flag withdrawn. It no longer counts towards its hotspot.');
    return true;
  }

  /** The asker closes their own question: mentors stop seeing it as waiting. */
  async function closeQuestion(id: string): Promise<boolean> {
    const question = await act(async () => {
      const { endpoints } = await services();
      return (await api()).call(endpoints.closeMyQuestion, { params: { id } });
    });
    if (!question) return false;
    await applyChange({ question });
    announce('Question closed.');
    return true;
  }

  return { loadItems, markSeen, withdrawFlag, closeQuestion };
}
