import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import type { Flag } from '../../../shared/flags';
import { json, mockManifest, SESSION } from '../helpers';
import { fakeServer, type Handler, renderPopup } from './fixtures';

const FLAG: Flag = {
  id: 'flag_000001',
  clientId: '1f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
  text: 'Cannot find where home meds are reconciled',
  category: 'orders_medications',
  frequency: 'daily',
  minutesLost: 5,
  impact: 'delay',
  idea: null,
  unitId: null,
  screen: null,
  pageTitle: null,
  anonymous: false,
  contactOk: false,
  status: 'resolved',
  createdAt: '2026-01-03T10:00:00.000Z',
  response: 'It was there all along: see the tip',
  respondedAt: '2026-01-05T10:00:00.000Z',
  tip: {
    id: 'tip_000001',
    text: 'Reconcile tab, then Refresh external history',
    publishedAt: '2026-01-06T10:00:00.000Z',
  },
  credit: [
    { discipline: 'nursing', unitName: '4 West', count: 6 },
    { discipline: 'pharmacy', unitName: null, count: 3 },
  ],
};

function server(flag: Flag, extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /v1/flags/mine': () => json(200, { flags: [flag] }),
    'GET /v1/questions/mine': () => json(200, { questions: [] }),
    'GET /v1/reflections/mine': () => json(200, { reflections: [] }),
    'GET /v1/thanks/sent': () => json(200, { thanks: [] }),
    'GET /v1/coaching/mine': () => json(200, { coaching: [] }),
    'GET /v1/small-tests/mine': () => json(200, { tests: [] }),
    'GET /v1/me/credit': () => json(200, { creditMe: false }),
    ...extra,
  });
}

async function openItems(s: ReturnType<typeof fakeServer>) {
  const popup = await renderPopup(s);
  fireEvent.click(screen.getByRole('button', { name: 'My items' }));
  await screen.findByText(FLAG.text);
  return popup;
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('"You said, we did" in My items', () => {
  it('shows the mentor’s tip written after a training gap, marked new, and the k-anonymous credit in words', async () => {
    await openItems(server(FLAG));
    expect(screen.getByText('Reconcile tab, then Refresh external history')).toBeTruthy();
    expect(screen.getByText(/written after your reports/)).toBeTruthy();
    expect(screen.getByText(/New tip/)).toBeTruthy();
    expect(screen.getByText('You said, we did · Raised by 6 nurses on 4 West and 3 pharmacists')).toBeTruthy();
  });

  it('credits nobody when no group reaches k', async () => {
    await openItems(server({ ...FLAG, credit: [] }));
    expect(screen.getByText('You said, we did')).toBeTruthy();
    expect(screen.queryByText(/Raised by/)).toBeNull();
  });

  it('lets the reporter opt in to credit, off until they do', async () => {
    let saved: unknown = null;
    const s = server(FLAG, {
      'PUT /v1/me/credit': (body) => {
        saved = body;
        return json(200, { ok: true });
      },
    });
    await openItems(s);
    const box = (await screen.findByLabelText(/Credit me on what changed/)) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(saved).toEqual({ creditMe: true }));
    await screen.findByText(/You will be credited, only ever in groups of at least k/);
  });
});
