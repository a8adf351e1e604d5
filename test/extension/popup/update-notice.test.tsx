import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { needsAttentionItem, outboxItem, sessionItem } from '../../../extension/lib/storage';
import { DEFAULT_UPDATE_INSTRUCTIONS, updateRequiredItem } from '../../../extension/lib/update-required';
import { json, mockManifest, SESSION } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

const tooOld = (instructions: string | null) => () =>
  json(426, {
    error: {
      code: 'upgrade_required',
      message: 'This version of Curbside (0.1.0) is too old; update to 0.3.0 or later',
      details: { minimumVersion: '0.3.0', instructions },
    },
  });

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

async function sendFlag() {
  fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
  fireEvent.input(await screen.findByLabelText('What got in the way?'), { target: { value: 'Scanner drops out' } });
  fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
}

describe('"update Curbside" (the API answered 426)', () => {
  it("shows the organisation's instructions and keeps the flag waiting, not in “needs attention”", async () => {
    await renderPopup(fakeServer({ 'POST /v1/flags': tooOld('Restart Chrome, or call the service desk on 5555.') }));
    await sendFlag();
    await screen.findByRole('heading', { name: 'Update Curbside' });
    expect(screen.getByText('Restart Chrome, or call the service desk on 5555.')).toBeTruthy();
    expect(screen.getByText(/needs Curbside 0.3.0 or later; this is 0.1.0/)).toBeTruthy();
    expect(screen.getByText(/One item waits safely on this device/)).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/needs an update before it can send it/));
    expect(await outboxItem.getValue()).toHaveLength(1);
    expect(await needsAttentionItem.getValue()).toEqual([]);
    expect(screen.queryByRole('heading', { name: /Needs attention/ })).toBeNull();
  });

  it('says something sensible when the organisation wrote no instructions', async () => {
    await renderPopup(fakeServer({ 'POST /v1/flags': tooOld(null) }));
    await sendFlag();
    await screen.findByRole('heading', { name: 'Update Curbside' });
    expect(screen.getByText(DEFAULT_UPDATE_INSTRUCTIONS)).toBeTruthy();
  });

  it('is gone once this version is new enough', async () => {
    await updateRequiredItem.setValue({ minimumVersion: '0.1.0', instructions: null, at: 0 });
    await renderPopup(fakeServer());
    await screen.findByRole('button', { name: 'My items' });
    expect(screen.queryByRole('heading', { name: 'Update Curbside' })).toBeNull();
  });
});

describe('"me too" offline', () => {
  it('waits in the outbox like a flag and says so', async () => {
    const server = fakeServer();
    server.fetchFn.mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    const { state } = await renderPopup(server);
    expect(await state.meToo('hot_000001')).toBe(true);
    await waitFor(() => expect(state.status.value).toMatch(/“Me too” saved on this device/));
    const [queued] = await outboxItem.getValue();
    expect(queued?.kind).toBe('meToo');
  });
});
