import type { SystemHotspot } from '../../../shared/hotspots';
import type { Screen } from '../../../shared/screen';
import type { FlushResult } from '../../lib/outbox';
import type { Core } from './core';
import { services } from './load-services';

/** Hotspots for the popup: what this screen already has, similar ones while typing, "me too". */
export function createHotspotActions(core: Core, { flushNow }: { flushNow: () => Promise<FlushResult | null> }) {
  const { api, fail, now } = core;

  /** Fetched per system and matched here, so the server never learns the exact screen. */
  async function screenHotspots(screen: Screen): Promise<SystemHotspot[]> {
    const [{ endpoints }, { matchScreen }] = await Promise.all([services(), import('../../../shared/context')]);
    const { hotspots } = await (await api()).call(endpoints.hotspotsBySystem, { query: { host: screen.host } });
    return hotspots.filter((h) => h.path !== null && matchScreen(h.path, screen.path));
  }

  /** `redactedText` must already be redacted: it is sent while the person types. */
  async function similarHotspots(host: string, redactedText: string): Promise<SystemHotspot[]> {
    const { endpoints } = await services();
    const { hotspots } = await (await api()).call(endpoints.similarFlags, { body: { host, text: redactedText } });
    return hotspots;
  }

  /**
   * A "me too" from this reporter, named or anonymous as the flag form says. Queued like a flag, so
   * offline it waits on this device (an anonymous one's receipt is kept when it is delivered).
   * True once it is sent or safely queued.
   */
  async function meToo(hotspotId: string, anonymous = false): Promise<boolean> {
    const userId = core.state.userId.value;
    if (!userId) return false;
    try {
      const [{ enqueue, reportDelivery }, { newSecret }] = await Promise.all([services(), import('../../lib/ids')]);
      const receiptSecret = anonymous ? newSecret() : undefined;
      const queued = await enqueue(
        {
          kind: 'meToo',
          userId,
          body: { hotspotId, clientId: crypto.randomUUID(), anonymous, ...(receiptSecret ? { receiptSecret } : {}) },
        },
        now(),
      );
      await reportDelivery(core, '“Me too”', queued.clientId, await flushNow(), 'Added your “me too”.');
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  return { screenHotspots, similarHotspots, meToo };
}
