import { endpoints } from '../../../shared/api';
import { matchScreen } from '../../../shared/context';
import type { KbEntry, KbHit, ScreenTip } from '../../../shared/kb';
import type { Screen } from '../../../shared/screen';
import type { ConfirmedSpan } from '../../../shared/text';
import { captureScreen } from '../../lib/capture';
import { screenTipsItem } from '../../lib/storage';
import type { Core } from './core';
import { oneWriteAtATime } from './one-write';

/** A system's tips change rarely; a few minutes saves a request on every popup opening. */
const TIPS_TTL_MS = 5 * 60_000;
const SHOWN = 3;

/** The knowledge base in the popup: answers for this screen, matches while typing, opening one; loaded with the services. */
export function createKbActions(core: Core) {
  const { state, browserApi, now, api, announce } = core;

  const currentScreen = (): Promise<Screen | null> => captureScreen(browserApi.tabs);

  /** Per host only: the server never learns which screen the popup was opened on. */
  async function systemTips(host: string): Promise<ScreenTip[]> {
    // Per user too: which tips are "mine" differs between people sharing a device.
    const key = `${state.session.value?.apiUrl ?? ''} ${state.userId.value ?? ''} ${host}`;
    const at = now();
    const fresh = (entry?: { fetchedAt: number }) => !!entry && at - entry.fetchedAt < TIPS_TTL_MS;
    const cached = (await screenTipsItem.getValue())[key];
    if (cached && fresh(cached) && cached.fetchedAt <= at) return cached.tips;
    try {
      const { tips } = await (await api()).call(endpoints.screenTips, { query: { host } });
      const kept = Object.entries(await screenTipsItem.getValue()).filter(([k, v]) => k !== key && fresh(v));
      await screenTipsItem.setValue({ ...Object.fromEntries(kept), [key]: { tips, fetchedAt: at } });
      return tips;
    } catch (e) {
      // Offline: an older copy is better than nothing.
      if (cached) return cached.tips;
      throw e;
    }
  }

  /** Up to three published answers and tips for this screen, matched here. */
  async function screenTips(screen: Screen): Promise<ScreenTip[]> {
    const tips = await systemTips(screen.host);
    return tips.filter((t) => matchScreen(t.path, screen.path)).slice(0, SHOWN);
  }

  /** `redactedQuery` must already be redacted: it is sent while the person types, in the body. */
  async function searchKb(redactedQuery: string): Promise<KbHit[]> {
    const { results } = await (await api()).call(endpoints.kbSearch, { body: { query: redactedQuery, limit: SHOWN } });
    return results;
  }

  /** Opening a published answer counts as a deflection (the server records the open, not who). */
  async function openKb(id: string): Promise<KbEntry> {
    return (await api()).call(endpoints.kbOpen, { params: { id } });
  }

  /** The next look at this host asks the API again (after adding or removing a tip). */
  async function forgetTips(host: string) {
    const key = `${state.session.value?.apiUrl ?? ''} ${state.userId.value ?? ''} ${host}`;
    const { [key]: _gone, ...rest } = await screenTipsItem.getValue();
    await screenTipsItem.setValue(rest);
  }

  /** The tips this mentor wrote for this screen (matched here, like every tip). */
  async function myTips(screen: Screen): Promise<ScreenTip[]> {
    const tips = await systemTips(screen.host);
    return tips.filter((t) => t.mine && matchScreen(t.path, screen.path));
  }

  const act = oneWriteAtATime(core, { clearsError: true });

  /** A mentor's tip for a screen; `clientId` is one per tip being written, so a double click adds one. */
  async function addTip(clientId: string, screen: Screen, text: string, confirmedSpans?: ConfirmedSpan[]) {
    const tip = await act(async () =>
      (await api()).call(endpoints.createTip, {
        body: { clientId, screen, text: text.trim(), ...(confirmedSpans ? { confirmedSpans } : {}) },
      }),
    );
    if (!tip) return null;
    await forgetTips(screen.host);
    announce('Tip added. Colleagues opening this screen see it.');
    return tip;
  }

  async function removeTip(screen: Screen, id: string): Promise<boolean> {
    const done = await act(async () => (await api()).call(endpoints.deleteTip, { params: { id } }));
    if (!done) return false;
    await forgetTips(screen.host);
    announce('Tip removed.');
    return true;
  }

  return { currentScreen, screenTips, searchKb, openKb, myTips, addTip, removeTip };
}
