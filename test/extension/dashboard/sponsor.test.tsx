import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../extension/dashboard/App';
import { createDashboardState, DashboardContext } from '../../../extension/dashboard/state';
import { type StoredSession, sessionItem } from '../../../extension/lib/storage';
import type { SmallTest } from '../../../shared/small-tests';
import { json, mockManifest, SESSION, USER } from '../helpers';

const LEAD: StoredSession = {
  ...SESSION,
  token: 'tok_lead',
  user: { ...USER, id: 'user_lead01', displayName: 'Sam Sponsor', roles: ['lead' as const] },
};

const TEST: SmallTest = {
  cycle: {
    id: 'cycle_00001',
    hotspotId: 'hot_000001',
    ownerId: 'user_nurse1',
    ownerName: 'Nia Nurse',
    stage: 'plan',
    changeIdea: 'Longer timeout on one ward',
    prediction: 'No lost orders for a week',
    measure: 'Timeouts per week',
    doNotes: null,
    studyNotes: null,
    decision: null,
    actNotes: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    doAt: null,
    studyAt: null,
    actAt: null,
    result: null,
  },
  role: 'sponsor',
  approval: 'pending',
  approvalReason: null,
  sponsorName: 'Sam Sponsor',
  coachName: 'Coach Cal',
  result: null,
  coachingQuestionId: 'question_07',
  createdAt: '2026-01-05T10:00:00.000Z',
};

function server(tests: SmallTest[]) {
  const requests: { route: string; body: unknown }[] = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const route = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ route, body });
    if (route === 'GET /v1/small-tests/mine') return json(200, { tests });
    if (route === 'POST /v1/small-tests/cycle_00001/approval') {
      const d = (body as { decision: string }).decision;
      const approval = d === 'approve' ? 'approved' : d === 'changes' ? 'changes' : 'declined';
      return json(200, { ...TEST, approval, approvalReason: (body as { reason?: string }).reason ?? null });
    }
    if (route === 'GET /v1/hotspots')
      return json(200, { hotspots: [], k: 3, suppressed: null, weeks: [], range: null });
    if (route === 'GET /v1/units') return json(200, { units: [] });
    return json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchFn, requests };
}

async function renderDashboard(tests: SmallTest[], session: StoredSession = LEAD) {
  await sessionItem.setValue(session);
  const s = server(tests);
  const state = createDashboardState({
    browser: fakeBrowser as never,
    fetchFn: s.fetchFn,
    location: { search: '' },
    history: { replaceState: vi.fn() },
  });
  await state.init();
  render(
    <DashboardContext.Provider value={state}>
      <App />
    </DashboardContext.Provider>,
  );
  return s;
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('small tests a lead sponsors', () => {
  it('lists a test waiting for me with its owner and coach by name, and approves it', async () => {
    const s = await renderDashboard([TEST]);
    const panel = await screen.findByRole('region', { name: 'Small tests you sponsor' });
    expect(within(panel).getByText(/Nia Nurse, coached by Coach Cal/)).toBeTruthy();
    expect(within(panel).getByText('Waiting for your decision')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Send decision' }));
    await within(panel).findByText('Plan');
    expect(s.requests.find((r) => r.route === 'POST /v1/small-tests/cycle_00001/approval')?.body).toEqual({
      decision: 'approve',
    });
  });

  it('needs a reason to ask for changes or decline, and sends it', async () => {
    const s = await renderDashboard([TEST]);
    const panel = await screen.findByRole('region', { name: 'Small tests you sponsor' });
    fireEvent.click(within(panel).getByLabelText('Decline'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Send decision' }));
    await within(panel).findByText('Say why, so they know what to change.');
    fireEvent.input(within(panel).getByLabelText('Reason (the clinician reads it)'), {
      target: { value: 'The vendor fixes this next month' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Send decision' }));
    await within(panel).findByText('Declined');
    expect(s.requests.find((r) => r.route === 'POST /v1/small-tests/cycle_00001/approval')?.body).toEqual({
      decision: 'decline',
      reason: 'The vendor fixes this next month',
    });
  });

  it('shows nothing when I sponsor no tests', async () => {
    await renderDashboard([]);
    await screen.findByRole('heading', { name: 'Friction hotspots' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Small tests you sponsor' })).toBeNull());
  });
});
