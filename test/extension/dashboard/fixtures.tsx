import { render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../extension/dashboard/App';
import { createDashboardState, DashboardContext } from '../../../extension/dashboard/state';
import { type StoredSession, sessionItem } from '../../../extension/lib/storage';
import type { Hotspot, HotspotDetail } from '../../../shared/hotspots';
import { json, type RouteHandler, routeFetch, SESSION, USER } from '../helpers';

// The dashboard loads its panels lazily (all but the hotspot list). Loaded here up front, no dynamic
// import is still in flight when a test file's environment is torn down (vitest reports that as an
// unhandled error and fails the run), whichever panel a test happens to leave open.
import.meta.glob(['../../../extension/dashboard/*.{ts,tsx}', '../../../extension/ui/*.{ts,tsx}'], { eager: true });

// What the dashboard's component tests share: the lead who signs in, one hotspot, the page rendered as
// the dashboard entrypoint renders it, and the API a hotspot's page reads.

export const LEAD: StoredSession = {
  ...SESSION,
  token: 'tok_lead',
  user: { ...USER, id: 'user_lead01', displayName: 'Lee Lead', roles: ['lead' as const] },
};

export const HOTSPOT: Hotspot = {
  id: 'hot_000001',
  screen: { host: 'ehr.example.org', path: '/medrec/:id' },
  category: 'documentation_ehr',
  title: null,
  status: 'new',
  response: null,
  respondedAt: null,
  flagCount: 4,
  reporterCount: 3,
  minutesPerWeek: 120,
  impact: { none: 1, delay: 2, risk: 1, harm: 0 },
  trend: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 1],
  rising: 2,
  mergedInto: null,
  createdAt: '2026-01-02T10:00:00.000Z',
};

/** HOTSPOT opened: no units, no items shown, no cycles, not resolved, unless a test says otherwise. */
export function hotspotDetail(overrides: Partial<HotspotDetail> = {}): HotspotDetail {
  return {
    ...HOTSPOT,
    members: [],
    units: [],
    otherUnits: { flags: 0, minutesPerWeek: 0 },
    itemsVisible: false,
    itemsHidden: 0,
    items: [],
    cycles: [],
    k: 3,
    resolution: null,
    tipRequest: null,
    ...overrides,
  };
}

/** The routes a hotspot's page reads (list, detail, units, who may own a cycle), plus a test's own. */
export function hotspotServer(detail: HotspotDetail, overrides: Record<string, RouteHandler> = {}) {
  return routeFetch({
    'GET /v1/units': () => json(200, { units: [] }),
    'GET /v1/hotspots': () => json(200, { hotspots: [detail], k: 3, suppressed: null, weeks: [], range: null }),
    [`GET /v1/hotspots/${detail.id}`]: () => json(200, detail),
    'GET /v1/cycle-owners': () =>
      json(200, {
        owners: [
          { id: 'user_lead01', displayName: 'Lee Lead', lead: true, mentor: false },
          { id: 'user_ment01', displayName: 'Mo Mentor', lead: false, mentor: true },
        ],
      }),
    ...overrides,
  });
}

/** The dashboard page as its entrypoint mounts it, for `session` at the address `search`. */
export async function renderDashboard<S extends { fetchFn: typeof fetch }>(
  server: S,
  session: StoredSession | null = LEAD,
  search = '',
) {
  await sessionItem.setValue(session);
  const history = { replaceState: vi.fn() };
  const state = createDashboardState({
    browser: fakeBrowser as never,
    fetchFn: server.fetchFn,
    location: { search },
    history,
  });
  await state.init();
  render(
    <DashboardContext.Provider value={state}>
      <App />
    </DashboardContext.Provider>,
  );
  return { server, state, history };
}

/** The lead opens HOTSPOT by its address and waits until its page is drawn. */
export async function openHotspot(server: { fetchFn: typeof fetch }) {
  const { state } = await renderDashboard(server, LEAD, `?hotspot=${HOTSPOT.id}`);
  await screen.findByRole('heading', { name: 'ehr.example.org/medrec/:id' });
  return state;
}
