import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION } from '../helpers';
import { fakeServer, renderPopup, SETTINGS } from './fixtures';

const coverage = (peerSupport: boolean) => () => json(200, { covered: null, suggestion: null, peerSupport });

async function openTalk(server: ReturnType<typeof fakeServer>) {
  await renderPopup(server);
  fireEvent.click(await screen.findByRole('button', { name: 'Need to talk' }));
  await screen.findByRole('heading', { name: 'Support you can reach now' });
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('Need to talk, worded honestly', () => {
  it('shows only the signposting when no peer supporter is there, and says why', async () => {
    const server = fakeServer({ 'GET /v1/routing/coverage': coverage(false) });
    await openTalk(server);
    await screen.findByText(/No peer supporter is available in Curbside at the moment/);
    expect(await screen.findByText(SETTINGS.crisisContacts)).toBeTruthy();
    expect(screen.getByText(/call your local emergency number/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ask a peer supporter to get in touch' })).toBeNull();
    expect(screen.queryByLabelText('Anything you would like them to know (optional)')).toBeNull();
    expect(document.body.textContent).not.toMatch(/\btoday\b/i);
  });

  it('offers the request when a peer supporter is there, promising no time it cannot keep', async () => {
    const server = fakeServer({ 'GET /v1/routing/coverage': coverage(true) });
    await openTalk(server);
    await screen.findByText(/can get in touch with you when they are next available/);
    expect(screen.getByRole('button', { name: 'Ask a peer supporter to get in touch' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\btoday\b/i);
  });

  it('still offers the request when it cannot tell (offline): it may reach someone later', async () => {
    await openTalk(fakeServer());
    expect(await screen.findByRole('button', { name: 'Ask a peer supporter to get in touch' })).toBeTruthy();
    expect(screen.queryByText(/No peer supporter is available/)).toBeNull();
  });
});
