import type { SystemHotspot } from '../../../shared/hotspots';
import type { Screen } from '../../../shared/screen';
import type { Core } from './core';

/** Hotspots for the popup: what this screen already has, similar ones while typing, "me too". */
export function createHotspotActions(core: Core) {
  const { services, api, announce, fail } = core;

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

  async function meToo(hotspotId: string): Promise<boolean> {
    try {
      const { endpoints } = await services();
      await (await api()).call(endpoints.meToo, {
        params: { id: hotspotId },
        body: { clientId: crypto.randomUUID() },
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
