import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredSession } from '../../../extension/lib/storage';
import type { SmallTest } from '../../../shared/small-tests';
import { json, mockManifest, routeFetch } from '../helpers';
import { LEAD, renderDashboard } from './fixtures';

const SPONSOR: StoredSession = { ...LEAD, user: { ...LEAD.user, displayName: 'Sam Sponsor' } };

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
  return routeFetch({
    'GET /v1/small-tests/mine': () => json(200, { tests }),
    'POST /v1/small-tests/cycle_00001/approval': (body) => {
      const d = (body as { decision: string }).decision;
      const approval = d === 'approve' ? 'approved' : d === 'changes' ? 'changes' : 'declined';
      return json(200, { ...TEST, approval, approvalReason: (body as { reason?: string }).reason ?? null });
    },
    'GET /v1/hotspots': () => json(200, { hotspots: [], k: 3, suppressed: null, weeks: [], range: null }),
    'GET /v1/units': () => json(200, { units: [] }),
  });
}

const renderSponsor = async (tests: SmallTest[]) => (await renderDashboard(server(tests), SPONSOR)).server;

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('small tests a lead sponsors', () => {
  it('lists a test waiting for me with its owner and coach by name, and approves it', async () => {
    const s = await renderSponsor([TEST]);
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
    const s = await renderSponsor([TEST]);
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
    await renderSponsor([]);
    await screen.findByRole('heading', { name: 'Friction hotspots' });
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Small tests you sponsor' })).toBeNull());
  });
});
