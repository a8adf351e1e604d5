import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HotspotTable } from '../../../extension/dashboard/HotspotTable';
import { Sparkline } from '../../../extension/dashboard/Sparkline';
import { filtersToSearch, parseFilters } from '../../../extension/dashboard/url-filters';
import { trendWeeks, WeeklyChart } from '../../../extension/dashboard/WeeklyChart';
import type { Hotspot } from '../../../shared/hotspots';
import type { ProgrammeHealth } from '../../../shared/programme';
import { json, mockManifest, type RouteHandler, routeFetch, SESSION } from '../helpers';
import { HOTSPOT, hotspotDetail, LEAD, renderDashboard } from './fixtures';

const HARM: Hotspot = {
  ...HOTSPOT,
  id: 'hot_000002',
  title: 'Wrong weight unit',
  impact: { ...HOTSPOT.impact, harm: 1 },
};

const DETAIL = hotspotDetail({
  units: [{ unitId: 'unit_icu001', flags: 3, minutesPerWeek: 100 }],
  otherUnits: { flags: 1, minutesPerWeek: 20 },
  itemsVisible: true,
  itemsHidden: 2,
  items: [
    {
      text: 'Timeout before save',
      idea: 'Autosave',
      category: 'documentation_ehr',
      impact: 'delay',
      frequency: 'daily',
      minutesLost: 5,
      unitId: null,
      day: null,
      anonymous: true,
      contactName: null,
    },
  ],
});

function fakeServer(overrides: Record<string, RouteHandler> = {}) {
  return routeFetch({
    'GET /v1/units': () => json(200, { units: [{ id: 'unit_icu001', name: 'ICU', active: true }] }),
    'GET /v1/hotspots': () => json(200, { hotspots: [HARM, HOTSPOT], k: 3, suppressed: null, weeks: [], range: null }),
    'GET /v1/hotspots/hot_000001': () => json(200, DETAIL),
    ...overrides,
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('filters in the URL', () => {
  it('round-trips and drops what is malformed', () => {
    const f = parseFilters(
      '?from=2026-01-01&to=2026-02-01&sort=rising&category=other&host=ehr.example.org&hotspot=hot_000001',
    );
    expect(f).toEqual({
      from: '2026-01-01',
      to: '2026-02-01',
      sort: 'rising',
      category: 'other',
      host: 'ehr.example.org',
      hotspot: 'hot_000001',
      unitId: undefined,
      tab: 'hotspots',
    });
    expect(parseFilters(filtersToSearch(f))).toEqual(f);
    expect(parseFilters('?from=yesterday&sort=loudest&category=gripes&host=<b>')).toEqual({
      from: undefined,
      to: undefined,
      unitId: undefined,
      category: undefined,
      host: undefined,
      sort: 'cost',
      hotspot: undefined,
      tab: 'hotspots',
    });
    expect(filtersToSearch(parseFilters(''))).toBe('');
  });
});

describe('dashboard components', () => {
  it('draws a trend whose accessible name carries every value', () => {
    render(<Sparkline values={[1, 0, 2]} label="Flags per week" />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Flags per week: 1, 0, 2');
  });

  it('charts weeks with the same numbers as a table for screen readers, weeks named by their Monday', () => {
    render(
      <WeeklyChart
        title="Flags per week"
        unit="flags"
        weeks={['2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z']}
        values={[3, 7]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Flags per week' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['16 Nov3', '23 Nov7']);
  });

  it('dates a trend by the list’s weeks, or by the weeks ending with this one', () => {
    const listWeeks = ['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z'];
    expect(trendWeeks(2, listWeeks)).toEqual(listWeeks);
    // Sunday 6 Dec 2026 falls in the week of Monday 30 Nov.
    expect(trendWeeks(3, undefined, Date.parse('2026-12-06T12:00:00Z'))).toEqual([
      '2026-11-16T00:00:00.000Z',
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
    ]);
  });

  it('lists hotspots with harm marked in words and opens one by keyboard-reachable button', () => {
    const onOpen = vi.fn();
    render(<HotspotTable hotspots={[HARM, HOTSPOT]} onOpen={onOpen} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0] as HTMLElement).getByText(/Harm \(1\)/)).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByText(/Harm/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'ehr.example.org/medrec/:id' }));
    expect(onOpen).toHaveBeenCalledWith('hot_000001');
  });
});

describe('dashboard page', () => {
  it('is for leads and admins only', async () => {
    await renderDashboard(fakeServer(), SESSION);
    expect(screen.getByRole('alert').textContent).toContain('leads and admins');
  });

  it('loads hotspots with the URL’s filters and keeps a changed filter in the URL', async () => {
    const { server, history } = await renderDashboard(fakeServer(), LEAD, '?sort=count&host=ehr.example.org');
    await waitFor(() => expect(screen.getByText('Wrong weight unit')).toBeTruthy());
    const listCall = server.requests.find((r) => r.route === 'GET /v1/hotspots');
    expect(listCall?.url.searchParams.get('sort')).toBe('count');
    expect(listCall?.url.searchParams.get('host')).toBe('ehr.example.org');
    fireEvent.change(screen.getByLabelText(/Sort by/), { target: { value: 'rising' } });
    expect(history.replaceState).toHaveBeenLastCalledWith(null, '', '?host=ehr.example.org&sort=rising');
  });

  it('asks for the hotspot list first, once, and for units and sponsored tests only after it has arrived', async () => {
    // Issue 19: the list is the first paint, so the API serves its request alone (at 10k flags the
    // others slowed it down), and the page's own effects do not ask for it a second time.
    let answer: () => void = () => {};
    const listed = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const server = fakeServer({
      'GET /v1/hotspots': async () => {
        await listed;
        return json(200, { hotspots: [HARM], k: 3, suppressed: null, weeks: [], range: null });
      },
      'GET /v1/small-tests/mine': () => json(200, { tests: [] }),
    });
    await renderDashboard(server);
    await screen.findByText('Loading hotspots…');
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests.map((r) => r.route)).not.toContain('GET /v1/units');
    expect(server.requests.map((r) => r.route)).not.toContain('GET /v1/small-tests/mine');
    answer();
    await screen.findByText('Wrong weight unit');
    await waitFor(() => expect(server.routes('GET /v1/small-tests/mine')).toHaveLength(1));
    expect(server.routes('GET /v1/units')).toHaveLength(1);
    expect(server.routes('GET /v1/hotspots')).toHaveLength(1);
    expect(server.requests[0]?.route).toBe('GET /v1/hotspots');
  });

  it('opens a hotspot: held-back units pool as “Other units”, hidden flags are counted, status moves one step', async () => {
    const server = fakeServer({
      'PATCH /v1/hotspots/hot_000001': (body) => json(200, { ...DETAIL, ...(body as object) }),
    });
    await renderDashboard(server, LEAD, '?hotspot=hot_000001');
    await waitFor(() => expect(screen.getByRole('heading', { name: 'ehr.example.org/medrec/:id' })).toBeTruthy());
    const others = screen.getByRole('rowheader', { name: 'Other units' }).closest('tr') as HTMLElement;
    expect(
      within(others)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '20']);
    // Units by name, never by id.
    expect(screen.getByRole('rowheader', { name: 'ICU' })).toBeTruthy();
    expect(screen.queryByText('unit_icu001')).toBeNull();
    expect(screen.getByText(/2 more flag\(s\) came from screens fewer than 3 people/)).toBeTruthy();
    expect(screen.getByText('Timeout before save')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Mark in progress' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Mark acknowledged' }));
    await waitFor(() =>
      expect(server.requests.find((r) => r.route === 'PATCH /v1/hotspots/hot_000001')?.body).toEqual({
        status: 'acknowledged',
      }),
    );
  });

  it('clears a status line about a hotspot once the lead goes back to all hotspots', async () => {
    const server = fakeServer({
      'PATCH /v1/hotspots/hot_000001': (body) => json(200, { ...DETAIL, ...(body as object) }),
    });
    await renderDashboard(server, LEAD, '?hotspot=hot_000001');
    const status = () => document.querySelector('.status')?.textContent;
    fireEvent.click(await screen.findByRole('button', { name: 'Mark acknowledged' }));
    await waitFor(() => expect(status()).toBe('Status: Acknowledged'));
    fireEvent.click(screen.getByRole('button', { name: '← All hotspots' }));
    await waitFor(() => expect(status()).toBe(''));
  });

  it('says why the list is empty and what to do: widen the filters, or wait for k people', async () => {
    const none = () =>
      fakeServer({
        'GET /v1/hotspots': () => json(200, { hotspots: [], k: 3, suppressed: null, weeks: [], range: null }),
      });
    await renderDashboard(none());
    expect((await screen.findByText(/No flags yet/)).textContent).toContain(
      'once 3 people have flagged the same screen',
    );
    cleanup();
    await renderDashboard(none(), LEAD, '?unitId=unit_icu001');
    expect((await screen.findByText(/No hotspots match these filters/)).textContent).toContain('Widen the dates');
  });

  it('says how many hotspots a unit filter holds back only when the API gives a count', async () => {
    const counted = fakeServer({
      'GET /v1/hotspots': () => json(200, { hotspots: [HOTSPOT], k: 3, suppressed: 4, weeks: [], range: null }),
    });
    await renderDashboard(counted, LEAD, '?unitId=unit_icu001');
    await waitFor(() => expect(screen.getByText(/4 more hotspot\(s\) in this unit/)).toBeTruthy());
    cleanup();
    await renderDashboard(fakeServer(), LEAD, '?unitId=unit_icu001');
    await waitFor(() => expect(screen.getByText('Wrong weight unit')).toBeTruthy());
    expect(screen.queryByText(/more hotspot\(s\) in this unit/)).toBeNull();
  });

  it('shows programme health per unit with every held-back cell pooled as “Other units”', async () => {
    const health: ProgrammeHealth = {
      k: 3,
      range: { from: '2026-01-05T00:00:00.000Z', to: '2026-03-30T00:00:00.000Z' },
      loop: { flags: 9, responded: 0.5, changed: 0.25 },
      loopTarget: 0.7,
      flagsPerWeek: [],
      questionsPerWeek: [],
      firstAnswer: { answered: 0, medianMinutes: null, p90Minutes: null, withinSla: null },
      openPastSla: 0,
      mentorLoad: { mentors: 0, min: null, median: null, max: null },
      kbDeflections: 0,
      byUnit: [
        { unitId: 'unit_icu001', flags: 6, responded: 0.5, changed: 0 },
        { unitId: 'unit_gone01', flags: 4, responded: 0, changed: 0 },
      ],
      otherUnits: { flags: 3, responded: 1, changed: 1 },
      growth: { tested: 0.333, thanks: 4, markedHelpful: 7, mentorsThanked: 2, tipsWritten: 1 },
      notes: [],
    };
    await renderDashboard(fakeServer({ 'GET /v1/programme/health': () => json(200, health) }), LEAD, '?tab=programme');
    await waitFor(() => expect(screen.getByRole('rowheader', { name: 'Other units' })).toBeTruthy());
    const row = (name: string) =>
      within(screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent);
    expect(row('ICU')).toEqual(['6', '50%', '0%']);
    // A unit retired since (the catalogue lists active units only) is still named in words, not by id.
    expect(row('A unit no longer in use')).toEqual(['4', '0%', '0%']);
    expect(document.body.textContent).not.toMatch(/unit_(icu001|gone01)/);
    expect(row('Other units')).toEqual(['3', '100%', '100%']);
    // Growth: the share that became tests of change, and mentor recognition as counts, never names.
    const metric = (name: string) => screen.getByText(name).closest('div')?.querySelector('dd')?.textContent;
    expect(metric('Flags that became a test of change')).toBe('33%');
    expect(metric('Thank-yous sent to mentors')).toBe('4');
    expect(metric('Mentors thanked')).toBe('2');
  });
});
