// Issue 20 §2: every count answers the same filters as its rows, and a count of held-back hotspots
// below k is itself held back.
import { afterEach, describe, expect, it } from 'vitest';
import { resetClock, setClock } from '../../worker/lib/clock';
import { seedCatalog } from '../worker/helpers';
import { clinicianIn, flag, lead, screen, uniqueHost } from '../worker/hotspots-helpers';
import { at, getJson, K } from './kanon-helpers.worker';

afterEach(() => resetClock());

describe('the hotspot list’s count of held-back hotspots', () => {
  it('follows the host and category filters, and is held back below k', async () => {
    setClock(() => at(0, 1));
    const { unitId } = await seedCatalog();
    const [h1, h2] = [uniqueHost(), uniqueHost()];
    const s = await clinicianIn(unitId, 'Only Person Here');
    // One person of the unit on K + 1 screens of one system and one screen of another: each below k.
    const screens = ['/orders', '/notes', '/results', '/labs', '/census', '/vitals', '/allergies', '/imaging'];
    for (let i = 0; i < K + 1; i++) await flag(s.token, { screen: screen(h1, screens[i]) });
    await flag(s.token, { screen: screen(h2), category: 'orders_medications' });
    setClock(() => at(1, 1));
    const l = await lead();
    const suppressed = async (q: string) => (await getJson(l.token, `/v1/hotspots?unitId=${unitId}${q}`)).suppressed;

    expect(await suppressed('')).toBe(K + 2);
    expect(await suppressed(`&host=${h1}`)).toBe(K + 1);
    expect(await suppressed(`&category=documentation_ehr`)).toBe(K + 1);
    // One held-back hotspot is a count below k: it is held back too, whatever narrows to it.
    expect(await suppressed(`&host=${h2}`)).toBeNull();
    expect(await suppressed(`&category=orders_medications`)).toBeNull();
    expect(await suppressed(`&host=${h1}&category=orders_medications`)).toBeNull();
  });
});
