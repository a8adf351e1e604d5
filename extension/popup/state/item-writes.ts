import { endpoints } from '../../../shared/api';
import type { Flag } from '../../../shared/flags';
import type { Question } from '../../../shared/questions';
import { readReceipts } from '../../lib/receipts';
import { readSeen } from '../../lib/seen';
import { buildItems, type MyItem, readItemsCache, replaceInCache, writeItemsCache } from '../my-items';
import type { Core } from './core';
import { oneWriteAtATime } from './one-write';

/** Withdrawing a flag and closing a question from My items; loaded with the services, after the first render. */
export function createItemWriteActions(core: Core, { loadItems }: { loadItems: () => Promise<void> }) {
  const { state, api, announce } = core;

  /** Puts the API's copy of one item into the list and its offline copy, keeping the "New" marks shown. */
  async function applyChange(changed: { flag?: Flag; question?: Question }) {
    const s = state.session.value;
    if (!s) return;
    const cache = await readItemsCache(s.user.id);
    if (!cache) {
      // No offline copy to update (the key is not in memory): the API's list is the truth.
      await loadItems();
      return;
    }
    const next = replaceInCache(cache, changed);
    await writeItemsCache(next);
    const shown = new Map((state.items.value ?? []).map((i) => [i.id, i.unread]));
    state.items.value = buildItems(next, await readSeen(s.user.id)).map((i) => ({
      ...i,
      unread: shown.get(i.id) ?? i.unread,
    }));
  }

  const act = oneWriteAtATime(core, { clearsError: true });

  /**
   * Takes a flag back: a named one by its id, an anonymous one by the receipt kept on this device
   * (the server knows no sender for it, so the secret is the only proof).
   */
  async function withdrawFlag(item: MyItem): Promise<boolean> {
    const s = state.session.value;
    if (!s || item.kind !== 'flag') return false;
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
    const question = await act(async () => (await api()).call(endpoints.closeMyQuestion, { params: { id } }));
    if (!question) return false;
    await applyChange({ question });
    announce('Question closed.');
    return true;
  }

  return { withdrawFlag, closeQuestion };
}
