import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { enqueue } from '../../../extension/lib/outbox';
import {
  draftsItem,
  idleNoticeItem,
  lastActiveItem,
  orgIdleMinutesItem,
  outboxItem,
  sessionItem,
} from '../../../extension/lib/storage';
import { App } from '../../../extension/popup/App';
import { createPopupState, PopupContext, type PopupDeps } from '../../../extension/popup/state';
import { flagBody, json, mockManifest, openDrafts, SESSION, USER, unlockedFor } from '../helpers';

const T0 = Date.parse('2026-03-01T08:00:00Z');
const EPIC = {
  id: 'sys_000001',
  host: 'hyperspace.epic.desktop',
  name: 'Epic Hyperspace',
  screenQueryKeys: [],
  active: true,
  screens: [{ id: 'scr_000001', systemId: 'sys_000001', pathTemplate: '/medrec', name: 'Med Rec' }],
};
const SETTINGS = {
  organisationName: 'General Hospital',
  timeZone: 'America/New_York',
  kAnonymity: 3,
  idleSignOutMinutes: 10,
  minExtensionVersion: '0.0.0',
  incidentReportingUrl: null,
  employeeAssistance: '',
  crisisContacts: '',
};

function server(online = { value: true }) {
  const routes: string[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (url, init) => {
    if (!online.value) throw new TypeError('Failed to fetch');
    const route = `${init?.method ?? 'GET'} ${new URL(String(url)).pathname}`;
    routes.push(route);
    if (route === 'GET /v1/units') return json(200, { units: [] });
    if (route === 'GET /v1/topics') return json(200, { topics: [] });
    if (route === 'GET /v1/settings') return json(200, SETTINGS);
    if (route === 'GET /v1/systems') return json(200, { systems: [EPIC] });
    if (route === 'POST /v1/auth/logout') return json(200, { ok: true });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchFn, routes, online };
}

async function renderPopup(deps: Partial<PopupDeps>, tabUrl = 'chrome://newtab/') {
  const tabs = { query: vi.fn(async () => [{ url: tabUrl, title: 'New tab' }]) };
  const state = createPopupState({
    browser: { ...fakeBrowser, tabs } as unknown as PopupDeps['browser'],
    loadDetector: async () => null,
    ...deps,
  });
  await state.init();
  render(
    <PopupContext.Provider value={state}>
      <App />
    </PopupContext.Provider>,
  );
  return state;
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('desktop EHR picker', () => {
  it('lets the user pick the system and screen when the tab is not a page of a known system', async () => {
    await sessionItem.setValue(SESSION);
    const api = server();
    await renderPopup({ fetchFn: api.fetchFn });
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Pick a system and screen' }));
    fireEvent.change(screen.getByLabelText('System'), { target: { value: EPIC.id } });
    fireEvent.change(screen.getByLabelText('Screen'), { target: { value: 'scr_000001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use this screen' }));

    expect(await screen.findByText('Epic Hyperspace › Med Rec')).toBeTruthy();
    await waitFor(async () => expect((await openDrafts()).flag?.screen).toEqual({ host: EPIC.host, path: '/medrec' }));
    // A known system's screen is named already: no picker offered.
    expect(screen.queryByRole('button', { name: 'Pick a system and screen' })).toBeNull();
  });
});

describe('sign-out in the popup', () => {
  it('offline: says the user’s items stay on the device, and clears the session and drafts', async () => {
    await sessionItem.setValue(SESSION);
    await unlockedFor(USER.id);
    await draftsItem.setValue({ view: 'home', flag: { text: 'half-typed' } } as never);
    await enqueue({ kind: 'flag', body: flagBody(), userId: USER.id }, T0);
    const api = server({ value: false });
    await renderPopup({ fetchFn: api.fetchFn });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(
      await screen.findByText('Signed out. 1 of your items stay on this device, hidden, until you sign in again.'),
    ).toBeTruthy();
    expect(screen.getByLabelText('Code')).toBeTruthy();
    expect(await sessionItem.getValue()).toBeNull();
    expect(await draftsItem.getValue()).toEqual({ view: null });
    expect((await outboxItem.getValue()).map((i) => i.userId)).toEqual([USER.id]);
  });

  it('signs out on opening after the organisation’s idle minutes, and says why', async () => {
    await sessionItem.setValue(SESSION);
    await orgIdleMinutesItem.setValue(10);
    await lastActiveItem.setValue(T0);
    const api = server();
    await renderPopup({ fetchFn: api.fetchFn, now: () => T0 + 11 * 60_000 });
    expect(screen.getByText('You were signed out because Curbside was not used for a while.')).toBeTruthy();
    expect(await sessionItem.getValue()).toBeNull();
    expect(api.routes).toContain('POST /v1/auth/logout');
  });

  it('says why once when the background signed the user out', async () => {
    await idleNoticeItem.setValue(true);
    await renderPopup({ fetchFn: server().fetchFn });
    expect(screen.getByText('You were signed out because Curbside was not used for a while.')).toBeTruthy();
    expect(await idleNoticeItem.getValue()).toBe(false);
  });

  it('fills the sign-in form from a sign-in link', async () => {
    location.hash = `#code=ABCD-EFGH-JKMN-PQRS&api=${encodeURIComponent('https://curbside.example.org')}`;
    await renderPopup({ fetchFn: server().fetchFn });
    expect(screen.getByLabelText('Code')).toHaveProperty('value', 'ABCD-EFGH-JKMN-PQRS');
    expect(screen.getByLabelText('API address')).toHaveProperty('value', 'https://curbside.example.org');
    location.hash = '';
  });
});
