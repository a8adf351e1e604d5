// The extension de-identifies the tab's address with the admins' screen words from its cached
// catalog, as the server allows them. Synthetic host, ids and words.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureScreen } from '../../extension/lib/capture';
import { systemsItem } from '../../extension/lib/storage';
import type { System } from '../../shared/systems';

const HOST = 'ehr.example.org';
const URL_ON_TAB = `https://${HOST}/EMR/Kanban/4829113?activity=ZoneBoard&mrn=00482913#/lane/Okafor`;

const system = (host: string): System => ({
  id: 'sys_000001',
  host,
  name: 'Clinic EMR',
  screenQueryKeys: ['activity'],
  active: true,
  screens: [
    { id: 'scr_000001', systemId: 'sys_000001', pathTemplate: '/emr/kanban/:id', name: 'Kanban' },
    { id: 'scr_000002', systemId: 'sys_000001', pathTemplate: '/emr/kanban?activity=zoneboard', name: 'Zones' },
  ],
});

// The tab the user's click points at, as the popup's fixtures give it (browser.tabs has no window here).
const TAB = { url: URL_ON_TAB, title: 'Kanban' };
const tabs = { query: async () => [TAB], get: async () => TAB } as unknown as typeof fakeBrowser.tabs;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('captureScreen', () => {
  it('keeps only vocabulary words when no catalog is cached', async () => {
    expect(await captureScreen(tabs)).toEqual({ host: HOST, path: '/emr/:id/:id#/:id/:id' });
  });

  it('keeps the words of the cached catalog’s screens for that host, and still no id or name', async () => {
    await systemsItem.setValue({ systems: [system(HOST)], fetchedAt: 0 });
    expect(await captureScreen(tabs)).toEqual({
      host: HOST,
      path: '/emr/kanban/:id?activity=zoneboard#/:id/:id',
    });
  });

  it('does not use another system’s words', async () => {
    await systemsItem.setValue({ systems: [system('other.example.org')], fetchedAt: 0 });
    expect((await captureScreen(tabs))?.path).toBe('/emr/:id/:id#/:id/:id');
  });
});
