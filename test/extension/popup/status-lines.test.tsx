import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, mockManifest, SESSION } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

const status = () => document.querySelector('[aria-live="polite"]')?.textContent;

const server = () =>
  fakeServer({
    'POST /v1/flags': (body) => json(201, flagResponse(body as never)),
    'POST /v1/hotspots/*/me-too': () => json(201, flagResponse(flagBody({ text: 'Me too' }))),
  });

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('status lines', () => {
  it('“Flag sent.” goes once the person moves on to another screen', async () => {
    await renderPopup(server());
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    fireEvent.input(await screen.findByLabelText('What got in the way?'), { target: { value: 'Scanner drops out' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    await waitFor(() => expect(status()).toBe('Flag sent.'));
    // Still true on Home, where it was said.
    await screen.findByRole('button', { name: 'My items' });
    expect(status()).toBe('Flag sent.');
    fireEvent.click(screen.getByRole('button', { name: 'My items' }));
    await waitFor(() => expect(status()).toBe(''));
  });

  it('a message about what was done clears on the next edit of the form', async () => {
    const { state } = await renderPopup(server());
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    const text = await screen.findByLabelText('What got in the way?');
    expect(await state.meToo('hot_000001')).toBe(true);
    await waitFor(() => expect(status()).toBe('Added your “me too”.'));
    fireEvent.input(text, { target: { value: 'Something else too' } });
    await waitFor(() => expect(status()).toBe(''));
  });
});
