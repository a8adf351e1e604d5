import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PdsaCycle } from '../../../shared/pdsa';
import { json, mockManifest, type RouteHandler } from '../helpers';
import { hotspotDetail, hotspotServer, LEAD, openHotspot, renderDashboard } from './fixtures';

const DETAIL = hotspotDetail();

const CYCLE: PdsaCycle = {
  id: 'cycle_00001',
  hotspotId: DETAIL.id,
  ownerId: 'user_ment01',
  ownerName: 'Mo Mentor',
  stage: 'plan',
  changeIdea: 'Autosave',
  prediction: 'Fewer lost notes',
  measure: 'Flags per week',
  doNotes: null,
  studyNotes: null,
  decision: null,
  actNotes: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  doAt: null,
  studyAt: null,
  actAt: null,
};

const fakeServer = (overrides: Record<string, RouteHandler> = {}) => hotspotServer(DETAIL, overrides);

/** An answer the test lets through when it chooses, to see the busy state meanwhile. */
function held<T>(value: T) {
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => {
    release = r;
  });
  const handler = async () => {
    await gate;
    return json(201, value);
  };
  return { handler, release };
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('starting a PDSA cycle', () => {
  it('shows it is starting, and a double click sends once with a clientId', async () => {
    const answer = held(CYCLE);
    const server = fakeServer({ 'POST /v1/hotspots/hot_000001/cycles': answer.handler });
    await openHotspot(server);
    fireEvent.input(screen.getByLabelText('Change idea'), { target: { value: 'Autosave' } });
    fireEvent.input(screen.getByLabelText('Prediction'), { target: { value: 'Fewer lost notes' } });
    fireEvent.input(screen.getByLabelText('Measure'), { target: { value: 'Flags per week' } });
    const start = screen.getByRole('button', { name: 'Start cycle' });
    fireEvent.click(start);
    fireEvent.click(start);
    await screen.findByRole('button', { name: 'Starting…' });
    answer.release();
    await waitFor(() => expect(document.querySelector('.status')?.textContent).toBe('Cycle started'));
    const sent = server.routes('POST /v1/hotspots/hot_000001/cycles');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ clientId: expect.stringMatching(/^[0-9a-f-]{36}$/), changeIdea: 'Autosave' });
    // The lead owns it unless they choose someone else: no ownerId sent.
    expect(sent[0]?.body).not.toHaveProperty('ownerId');
  });

  it('lets the lead choose the owner by name', async () => {
    const server = fakeServer({ 'POST /v1/hotspots/hot_000001/cycles': () => json(201, CYCLE) });
    await openHotspot(server);
    const owner = (await screen.findByLabelText('Owner')) as HTMLSelectElement;
    expect([...owner.options].map((o) => o.textContent)).toEqual(['Lee Lead (you)', 'Mo Mentor (mentor)']);
    fireEvent.change(owner, { target: { value: 'user_ment01' } });
    fireEvent.input(screen.getByLabelText('Change idea'), { target: { value: 'Autosave' } });
    fireEvent.input(screen.getByLabelText('Prediction'), { target: { value: 'Fewer lost notes' } });
    fireEvent.input(screen.getByLabelText('Measure'), { target: { value: 'Flags per week' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start cycle' }));
    await waitFor(() => expect(server.routes('POST /v1/hotspots/hot_000001/cycles')).toHaveLength(1));
    expect(server.routes('POST /v1/hotspots/hot_000001/cycles')[0]?.body).toMatchObject({ ownerId: 'user_ment01' });
  });

  it('says in words why it failed and keeps what was typed', async () => {
    const server = fakeServer({
      'POST /v1/hotspots/hot_000001/cycles': () =>
        json(400, { error: { code: 'validation_failed', message: 'The owner must be an active lead or mentor' } }),
    });
    await openHotspot(server);
    fireEvent.input(screen.getByLabelText('Change idea'), { target: { value: 'Autosave' } });
    fireEvent.input(screen.getByLabelText('Prediction'), { target: { value: 'Fewer lost notes' } });
    fireEvent.input(screen.getByLabelText('Measure'), { target: { value: 'Flags per week' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start cycle' }));
    await waitFor(() =>
      expect(document.querySelector('.status')?.textContent).toBe('The owner must be an active lead or mentor'),
    );
    expect((screen.getByLabelText('Change idea') as HTMLTextAreaElement).value).toBe('Autosave');
  });
});

describe('the hotspot title', () => {
  it('is editable, and sent as the title', async () => {
    const server = fakeServer({
      'PATCH /v1/hotspots/hot_000001': (body) => json(200, { ...DETAIL, ...(body as object) }),
    });
    await openHotspot(server);
    fireEvent.click(screen.getByRole('button', { name: 'Give it a title' }));
    fireEvent.input(screen.getByLabelText('Title (reporters see it too)'), {
      target: { value: 'Med rec times out' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save title' }));
    await screen.findByRole('heading', { name: 'Med rec times out' });
    expect(server.routes('PATCH /v1/hotspots/hot_000001')[0]?.body).toEqual({ title: 'Med rec times out' });
    // Back to the screen's name, in one step.
    fireEvent.click(screen.getByRole('button', { name: 'Edit title' }));
    fireEvent.click(screen.getByRole('button', { name: 'Use the screen’s name' }));
    await screen.findByRole('heading', { name: 'ehr.example.org/medrec/:id' });
    expect(server.routes('PATCH /v1/hotspots/hot_000001')[1]?.body).toEqual({ title: null });
  });
});

describe('CSV exports', () => {
  it('show they are being prepared, and take one click at a time', async () => {
    const answer = held('a,b\n');
    const server = fakeServer({
      'GET /v1/exports/flags.csv': async () => {
        const res = await answer.handler();
        return new Response(await res.text(), { status: 200, headers: { 'Content-Type': 'text/csv' } });
      },
    });
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    await openHotspot(server);
    fireEvent.click(screen.getByRole('button', { name: '← All hotspots' }));
    const flags = await screen.findByRole('button', { name: 'De-identified flags CSV' });
    fireEvent.click(flags);
    await screen.findByRole('button', { name: 'Preparing…' });
    expect(screen.getByRole('button', { name: 'Hotspots CSV' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Preparing…' }));
    answer.release();
    await waitFor(() => expect(document.querySelector('.status')?.textContent).toBe('flags.csv downloaded'));
    expect(server.routes('GET /v1/exports/flags.csv')).toHaveLength(1);
  });
});

describe('flags by unit (the breakdown)', () => {
  it('shows unit × category and unit × week by unit name, with held-back cells pooled as “Other units”', async () => {
    const breakdown = {
      k: 3,
      range: null,
      units: [{ unitId: 'unit_icu001', flags: 5, minutesPerWeek: 50 }],
      otherUnits: { flags: 2, minutesPerWeek: 10 },
      unitCategories: [{ unitId: 'unit_icu001', flags: 5, minutesPerWeek: 50, category: 'orders_medications' }],
      otherByCategory: [{ flags: 2, minutesPerWeek: 10, category: 'documentation_ehr' }],
      unitWeeks: [{ unitId: 'unit_icu001', flags: 5, minutesPerWeek: 50, week: '2026-01-05T00:00:00.000Z' }],
      otherByWeek: [{ flags: 2, minutesPerWeek: 10, week: '2026-01-12T00:00:00.000Z' }],
    };
    const server = fakeServer({
      'GET /v1/units': () => json(200, { units: [{ id: 'unit_icu001', name: 'ICU', active: true }] }),
      'GET /v1/hotspots/breakdown': () => json(200, breakdown),
    });
    await renderDashboard(server, LEAD, '?tab=units&category=orders_medications');
    const byCategory = await screen.findByRole('table', { name: 'Flags per unit and category' });
    const rows = [...byCategory.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['ICU', '—', '5'],
      ['Other units', '2', '—'],
    ]);
    const byWeek = screen.getByRole('table', { name: 'Flags per unit and week (week starting)' });
    expect([...byWeek.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual(['Unit', '01-05', '01-12']);
    expect(document.body.textContent).not.toContain('unit_icu001');
    // The category filter is the API's, so k-suppression is applied to what is asked for.
    const asked = server.requests.find((r) => r.route === 'GET /v1/hotspots/breakdown');
    expect(asked?.url.searchParams.get('category')).toBe('orders_medications');
  });
});
