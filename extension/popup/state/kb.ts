import { endpoints } from '../../../shared/api';
import { matchScreen } from '../../../shared/context';
import type { KbEntry, KbHit, ScreenTip } from '../../../shared/kb';
import type { Screen } from '../../../shared/screen';
import { captureScreen } from '../../lib/capture';
import { screenTipsItem } from '../../lib/storage';
import type { Core } from './core';

/** A system's tips change rarely; a few minutes saves a request on every popup opening. */
const TIPS_TTL_MS = 5 * 60_000;
const SHOWN = 3;

/** The knowledge base in the popup: answers for this screen, matches while typing, opening one; loaded with the services. */
export function createKbActions(core: Core) {
  const { state, browserApi, now, api } = core;

  const currentScreen = (): Promise<Screen | null> => captureScreen(browserApi.tabs);

  /** Per host only: the server never learns which screen the popup was opened on. */
  async function systemTips(host: string): Promise<ScreenTip[]> {
    const key = `${state.session.value?.apiUrl ?? ''} ${host}`;
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

  return { currentScreen, screenTips, searchKb, openKb };
}
