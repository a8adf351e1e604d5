import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OPEN_FLAG_COMMAND, setupBackground } from '../../../extension/background/setup';
import { openFlagItem } from '../../../extension/lib/open-flag';
import { sessionItem } from '../../../extension/lib/storage';
import { flagResponse, json, mockManifest, SESSION } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

type Listener = (command: string) => unknown;

/** The background with a keyboard-command event the test can fire, and openPopup as given. */
function background(openPopup: () => Promise<void>) {
  const listeners: Listener[] = [];
  const commands = { onCommand: { addListener: (l: Listener) => listeners.push(l) } };
  const action = { ...fakeBrowser.action, openPopup: vi.fn(openPopup) };
  const contextMenus = { create: vi.fn(), onClicked: { addListener: vi.fn() } };
  const b = { runtime: fakeBrowser.runtime, alarms: fakeBrowser.alarms, contextMenus, action, commands };
  setupBackground(b as unknown as Parameters<typeof setupBackground>[0], async () => null);
  return { action, press: (command: string) => Promise.all(listeners.map((l) => l(command))) };
}

const server = () => fakeServer({ 'POST /v1/flags': (body) => json(201, flagResponse(body as never)) });

/** Ctrl+Enter, or ⌘+Enter on a Mac, pressed in a field. */
const sendKeys = (el: Element, mac = false) =>
  fireEvent.keyDown(el, { key: 'Enter', ...(mac ? { metaKey: true } : { ctrlKey: true }) });

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('capture in three interactions', () => {
  it('flags with the keyboard command, typing and Ctrl+Enter, and nothing else', async () => {
    let interactions = 0;
    const { action, press } = background(async () => {});
    const api = server();

    interactions++; // 1: the keyboard command
    await press(OPEN_FLAG_COMMAND);
    expect(action.openPopup).toHaveBeenCalled();
    await renderPopup(api);
    const text = await screen.findByLabelText('What got in the way?');
    await waitFor(() => expect(document.activeElement).toBe(text));

    interactions++; // 2: typing what got in the way
    fireEvent.input(document.activeElement as Element, { target: { value: 'Sorting by dose reloads the page' } });

    interactions++; // 3: Ctrl+Enter, from the text
    sendKeys(document.activeElement as Element);

    await waitFor(() => expect(api.routes('POST /v1/flags')).toHaveLength(1));
    expect(api.routes('POST /v1/flags')[0]?.body).toMatchObject({
      text: 'Sorting by dose reloads the page',
      category: 'other',
      minutesLost: 5,
    });
    expect(interactions).toBeLessThanOrEqual(3);
    // The marker is one-shot: the next open is the ordinary one.
    expect(await openFlagItem.getValue()).toBeNull();
  });

  it('says which category is chosen rather than falling silently to “Other”', async () => {
    await openFlagItem.setValue(Date.now());
    await renderPopup(server());
    const category = await screen.findByLabelText('Category');
    expect(category).toHaveProperty('value', 'other');
    const note = document.getElementById(category.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toContain('Sent as “Other”');
    fireEvent.change(category, { target: { value: 'orders_medications' } });
    await waitFor(() => expect(screen.queryByText(/Sent as “Other”/)).toBeNull());
  });

  it('offers minutes as chips with 5 preselected, and the number stays editable', async () => {
    await openFlagItem.setValue(Date.now());
    await renderPopup(server());
    const minutes = await screen.findByLabelText('Minutes lost each time');
    expect(minutes).toHaveProperty('value', '5');
    const chips = [...document.querySelectorAll('#flag-minutes-chips button')];
    expect(chips.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
      ['1', 'false'],
      ['5', 'true'],
      ['15', 'false'],
      ['30', 'false'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: '15 minutes' }));
    await waitFor(() => expect(minutes).toHaveProperty('value', '15'));
    expect(screen.getByRole('button', { name: '15 minutes' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('opens on Home, not the form, when the marker is stale', async () => {
    await openFlagItem.setValue(Date.now() - 60 * 60_000);
    await renderPopup(server());
    await screen.findByRole('button', { name: 'Flag friction' });
    expect(screen.queryByLabelText('What got in the way?')).toBeNull();
    expect(await openFlagItem.getValue()).toBeNull();
  });

  it('shows a word on the badge, not a count, when the popup cannot be opened', async () => {
    const { press } = background(async () => {
      throw new Error('No active browser window');
    });
    await press(OPEN_FLAG_COMMAND);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('flag');
    expect(await openFlagItem.getValue()).not.toBeNull();
  });

  it('sends with ⌘+Enter on the Ask form too, and a plain Enter in the text is a new line', async () => {
    const api = fakeServer({
      'POST /v1/questions': () => json(500, { error: { code: 'internal', message: 'Not in this test' } }),
    });
    await renderPopup(api);
    fireEvent.click(screen.getByRole('button', { name: 'Ask a mentor' }));
    const text = await screen.findByLabelText('Your question');
    await waitFor(() => expect(screen.getByRole('option', { name: 'Medications' })).toBeTruthy());
    fireEvent.input(text, { target: { value: 'Is there a faster way to repeat orders?' } });
    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'topic_00001' } });
    fireEvent.keyDown(text, { key: 'Enter' });
    expect(api.routes('POST /v1/questions')).toHaveLength(0);
    sendKeys(text, true);
    await waitFor(() => expect(api.routes('POST /v1/questions').length).toBeGreaterThan(0));
  });
});
