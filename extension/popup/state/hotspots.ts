import type { SystemHotspot } from '../../../shared/hotspots';
import type { Screen } from '../../../shared/screen';
import type { Core } from './core';
import { services } from './load-services';

/** Hotspots for the popup: what this screen already has, similar ones while typing, "me too". */
export function createHotspotActions(core: Core) {
  const { api, announce, fail } = core;

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

  /** A "me too" from this reporter, named or anonymous as the flag form says. */
  async function meToo(hotspotId: string, anonymous = false): Promise<boolean> {
    try {
      const { endpoints, addReceipt, ensureReceiptKey } = await services();
      const client = await api();
      const clientId = crypto.randomUUID();
      let receiptSecret: string | undefined;
      const userId = core.state.userId.value;
      if (anonymous && userId) {
        const { newSecret } = await import('../../lib/ids');
        receiptSecret = newSecret();
        // Kept before sending, as the outbox does: an accepted anonymous "me too" can always be followed.
        await ensureReceiptKey(client, userId);
        await addReceipt({ clientId, secret: receiptSecret, createdAt: Date.now(), textPreview: 'Me too', userId });
      }
      await client.call(endpoints.meToo, {
        params: { id: hotspotId },
        body: { clientId, anonymous: receiptSecret !== undefined, ...(receiptSecret ? { receiptSecret } : {}) },
      });
      announce('Added your “me too”.');
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  return { screenHotspots, similarHotspots, meToo };
}
