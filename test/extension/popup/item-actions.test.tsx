import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addReceipt } from '../../../extension/lib/receipts';
import { sessionItem } from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER, unlockedFor } from '../helpers';
import { fakeServer, type Handler, myQuestion, openItems, renderPopup } from './fixtures';

const named = { ...flagResponse(flagBody({ text: 'Named flag' }), 'flag_named1'), status: 'acknowledged' };
const anonymous = {
  ...flagResponse(flagBody({ text: 'Anonymous flag' }), 'flag_anon01'),
  anonymous: true,
  createdAt: '2026-01-03T10:00:00.000Z',
};
const question = myQuestion({ clientId: crypto.randomUUID() });
const SECRET = 'ab'.repeat(32);

function server(extra: Record<string, Handler> = {}) {
  return fakeServer({
    'GET /v1/flags/mine': () => json(200, { flags: [named] }),
    'GET /v1/questions/mine': () => json(200, { questions: [question] }),
    'POST /v1/receipts/status': () => json(200, { flags: [anonymous] }),
    ...extra,
  });
}

const openNamed = (s: ReturnType<typeof server>) => openItems(s, 'Named flag');

const itemOf = (text: string) => screen.getByText(text, { selector: '.item-text' }).closest('li') as HTMLElement;

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
  await unlockedFor(USER.id, 'ef'.repeat(32));
  await addReceipt({ clientId: anonymous.clientId, secret: SECRET, createdAt: 0, textPreview: 'x', userId: USER.id });
});
afterEach(cleanup);

describe('withdrawing a flag from My items', () => {
  it('withdraws a named flag by its id after a confirming step, once however often it is clicked', async () => {
    const s = server({ 'POST /v1/flags/*/withdraw': () => json(200, { ...named, withdrawn: true }) });
    await openNamed(s);
    fireEvent.click(itemOf('Named flag').querySelector('button.link') as HTMLElement);
    expect(s.routes('POST /v1/flags/flag_named1/withdraw')).toHaveLength(0);
    const confirm = screen.getByRole('button', { name: 'Withdraw this flag' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await screen.findByText('Flag withdrawn. It no longer counts towards its hotspot.');
    expect(s.routes('POST /v1/flags/flag_named1/withdraw')).toHaveLength(1);
    expect(itemOf('Named flag').querySelector('.item-status')?.textContent).toBe('Withdrawn');
    expect(screen.queryByRole('button', { name: 'Withdraw this flag' })).toBeNull();
  });

  it('withdraws an anonymous flag by the receipt kept on this device, never by its id', async () => {
    const s = server({ 'POST /v1/receipts/withdraw': () => json(200, { ...anonymous, withdrawn: true }) });
    await openNamed(s);
    fireEvent.click(itemOf('Anonymous flag').querySelector('button.link') as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw this flag' }));
    await screen.findByText('Flag withdrawn. It no longer counts towards its hotspot.');
    expect(s.routes('POST /v1/receipts/withdraw').map((r) => r.body)).toEqual([{ secret: SECRET }]);
    expect(s.requests.some((r) => r.route.includes('flag_anon01'))).toBe(false);
  });

  it('says in words why it failed and keeps the flag as it was', async () => {
    const s = server({
      'POST /v1/flags/*/withdraw': () => json(404, { error: { code: 'not_found', message: 'Flag not found' } }),
    });
    await openNamed(s);
    fireEvent.click(itemOf('Named flag').querySelector('button.link') as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw this flag' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Flag not found'));
    await waitFor(() => expect(itemOf('Named flag').querySelector('.item-status')?.textContent).toBe('Acknowledged'));
    // Still offered: the person may try again.
    expect(screen.getByRole('button', { name: 'Withdraw this flag' })).toBeTruthy();
  });
});

describe('closing my question', () => {
  it('closes it after a confirming step and shows it closed', async () => {
    const s = server({ 'POST /v1/questions/*/close': () => json(200, { ...question, status: 'closed' }) });
    await openNamed(s);
    fireEvent.click(screen.getByRole('button', { name: 'Close question' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close this question' }));
    await screen.findByText('Question closed.');
    expect(s.routes('POST /v1/questions/question_01/close')).toHaveLength(1);
    expect(itemOf('Where is the sliding-scale order set?').querySelector('.item-status')?.textContent).toBe('Closed');
    expect(screen.queryByRole('button', { name: 'Close question' })).toBeNull();
  });

  it('keeps the question open when the person says "Keep it"', async () => {
    const s = server();
    await openNamed(s);
    fireEvent.click(screen.getByRole('button', { name: 'Close question' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('button', { name: 'Close question' })).toBeTruthy();
    expect(s.routes('POST /v1/questions/question_01/close')).toHaveLength(0);
  });
});

describe('sign out everywhere, from Sign-ins to my account', () => {
  it('revokes every device after a confirming step, then signs this one out', async () => {
    const s = fakeServer({
      'GET /v1/me/sign-ins': () => json(200, { entries: [], nextCursor: null }),
      'POST /v1/auth/logout-all': () => json(200, { ok: true }),
      'POST /v1/auth/logout': () => json(401, { error: { code: 'unauthorized', message: 'Signed out' } }),
    });
    await renderPopup(s);
    fireEvent.click(screen.getByRole('button', { name: 'Sign-ins to my account' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    expect(s.routes('POST /v1/auth/logout-all')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Sign out everywhere' }));
    await screen.findByText('Signed out.');
    expect(s.routes('POST /v1/auth/logout-all')).toHaveLength(1);
    expect(await sessionItem.getValue()).toBeNull();
  });
});
