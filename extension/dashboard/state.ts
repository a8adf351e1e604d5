import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { browser } from 'wxt/browser';
import { endpoints } from '../../shared/api';
import type { Unit } from '../../shared/catalog';
import type { Breakdown, HotspotList } from '../../shared/hotspots';
import type { ProgrammeHealth } from '../../shared/programme';
import type { System } from '../../shared/systems';
import { errorMessage } from '../lib/errors';
import { createMentorships } from '../lib/mentorships';
import { createPageSession } from '../lib/page-session';
import { createHotspotActions } from './hotspot-actions';
import { type Filters, filtersToSearch, parseFilters } from './url-filters';

type BrowserLike = Pick<typeof browser, 'runtime'>;

export interface DashboardDeps {
  browser?: BrowserLike;
  fetchFn?: typeof fetch;
  location?: Pick<Location, 'search'>;
  history?: Pick<History, 'replaceState'>;
}

/** The lead dashboard's state: the popup's stored session, one API caller, filters in the URL. */
export function createDashboardState(deps: DashboardDeps = {}) {
  const loc = deps.location ?? globalThis.location;
  const hist = deps.history ?? globalThis.history;
  const ready = signal(false);
  const { session, call, load } = createPageSession(deps);
  const status = signal('');
  const filters = signal<Filters>(parseFilters(loc?.search ?? ''));
  /** The admins' systems and screens, so hotspots read "Epic › Med Rec" rather than a path. */
  const systems = signal<System[]>([]);
  /** The hotspot list for the current filters, and why it could not be fetched. */
  const hotspots = signal<HotspotList | null>(null);
  const hotspotsError = signal('');
  /** Every unit, for the unit filter and to name units in tables. */
  const units = signal<Unit[]>([]);
  const unitNames = computed(() => new Map(units.value.map((u) => [u.id, u.name])));
  /** Programme health for the filters' dates, and why it could not be fetched. */
  const programme = signal<ProgrammeHealth | null>(null);
  const programmeError = signal('');
  /** Flags per unit × category and unit × week (k-suppressed by the API), and why they could not be fetched. */
  const breakdown = signal<Breakdown | null>(null);
  const breakdownError = signal('');
  const isLead = computed(() => {
    const roles = session.value?.user.roles ?? [];
    return roles.includes('lead') || roles.includes('admin');
  });
  /**
   * The first paint is the hotspot list: it is asked for as soon as the session is read (not once the
   * page has drawn and its effects run), and what the first paint does not show (units, sponsored
   * tests) is asked for once it has arrived, so the API serves the list alone. The systems go beside
   * it: they name its rows.
   */
  let firstList: { key: string; loading: Promise<void> } | null = null;
  let firstPaintShown: () => void = () => {};
  const firstPaint = new Promise<void>((resolve) => {
    firstPaintShown = resolve;
  });
  const listKey = () => {
    const { from, to, unitId, category, host, sort } = filters.value;
    return JSON.stringify([from, to, unitId, category, host, sort]);
  };

  async function init() {
    await load();
    ready.value = true;
    if (session.value && isLead.value && filters.value.tab === 'hotspots') {
      firstList = { key: listKey(), loading: loadHotspots() };
      void firstList.loading.then(firstPaintShown);
    } else firstPaintShown();
    if (!session.value) return;
    void call(endpoints.systems, {})
      .then((r) => {
        systems.value = r.systems;
      })
      .catch(() => {});
    void firstPaint.then(loadUnits);
  }

  /** Resolves once the first paint's data is in (once the session is read on a tab without the list). */
  function afterFirstPaint(): Promise<void> {
    return firstPaint;
  }

  /** The list for the current filters, as the list shows them; the first time, the one init asked for. */
  function showHotspots(): Promise<void> {
    const primed = firstList;
    firstList = null;
    return primed && primed.key === listKey() ? primed.loading : loadHotspots();
  }

  function setFilters(patch: Partial<Filters>) {
    const next = { ...filters.value, ...patch };
    // A status line is about the hotspot it was said on ("Response published"): another view passes it.
    if (next.hotspot !== filters.value.hotspot) status.value = '';
    for (const key of Object.keys(next) as (keyof Filters)[]) if (next[key] === '') delete next[key];
    filters.value = next;
    hist?.replaceState(null, '', filtersToSearch(next) || '?');
  }

  let listAsked = 0;
  async function loadHotspots() {
    const { from, to, unitId, category, host, sort } = filters.value;
    // Only the latest list asked for is shown: an earlier one answering late is for other filters.
    const asked = ++listAsked;
    try {
      const list = await call(endpoints.listHotspots, { query: { from, to, unitId, category, host, sort } });
      if (asked !== listAsked) return;
      hotspots.value = list;
      hotspotsError.value = '';
    } catch (e) {
      if (asked === listAsked) hotspotsError.value = errorMessage(e);
    }
  }

  let unitsLoading: Promise<void> | null = null;
  /** Once per page (the filter and the tables both need them); again after a failure. */
  function loadUnits(): Promise<void> {
    unitsLoading ??= call(endpoints.units, {}).then(
      (r) => {
        units.value = r.units;
      },
      () => {
        units.value = [];
        unitsLoading = null;
      },
    );
    return unitsLoading;
  }

  /** A unit as people know it; the catalogue lists active units only, so a retired one says so. */
  function unitName(id: string | null): string {
    if (id === null) return 'No unit';
    return unitNames.value.get(id) ?? 'A unit no longer in use';
  }

  async function loadProgramme() {
    const { from, to } = filters.value;
    try {
      programme.value = await call(endpoints.programmeHealth, { query: { from, to } });
      programmeError.value = '';
    } catch (e) {
      programmeError.value = errorMessage(e);
    }
  }

  const announce = (m: string) => {
    status.value = m;
  };

  async function loadBreakdown() {
    const { from, to, category } = filters.value;
    try {
      breakdown.value = await call(endpoints.hotspotBreakdown, { query: { from, to, category } });
      breakdownError.value = '';
    } catch (e) {
      breakdownError.value = errorMessage(e);
    }
  }

  return {
    ready,
    breakdown,
    breakdownError,
    loadBreakdown,
    units,
    loadUnits,
    unitName,
    programme,
    programmeError,
    loadProgramme,
    hotspots,
    hotspotsError,
    loadHotspots,
    showHotspots,
    afterFirstPaint,
    session,
    status,
    filters,
    systems,
    isLead,
    init,
    setFilters,
    call,
    announce,
    ...createHotspotActions({ call, announce }),
    /** Standing pairings: requests for anyone to assign, and each mentor's room (leads only). */
    mentorships: createMentorships(call, {
      ok: announce,
      fail: (e) => {
        status.value = errorMessage(e);
      },
    }),
  };
}

export type DashboardState = ReturnType<typeof createDashboardState>;

export const DashboardContext = createContext<DashboardState | null>(null);

export function useDashboard(): DashboardState {
  const state = useContext(DashboardContext);
  if (!state) throw new Error('useDashboard outside <DashboardContext.Provider>');
  return state;
}

export { saveCsv } from './save-csv';
