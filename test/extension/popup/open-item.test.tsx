import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onNotificationClicked } from '../../../extension/background/open-item';
import { notificationId } from '../../../extension/lib/deep-link';
import { draftsItem, receiptsItem, sessionItem } from '../../../extension/lib/storage';
import { flagBody, flagResponse, json, mockManifest, SESSION, USER } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

const SECRET = 'cd'.repeat(32);

function flag(id: string, text: string, overrides: Record<string, unknown> = {}) {
  return { ...flagResponse(flagBody({ text }), id), createdAt: '2026-01-03T10:00:00.000Z', ...overrides };
}

const question = {
  id: 'q_0000001',
  clientId: crypto.randomUUID(),
  kind: 'question',
  text: 'Where is the insulin order set?',
  topicId: 'topic_00001',
  disciplineWanted: 'any',
  urgency: 'today',
  screen: null,
  pageTitle: null,
  status: 'answered',
  createdAt: '2026-01-04T10:00:00.000Z',
  messages: [],
  needsReply: false,
  helpful: null,
  shareConsent: false,
  published: false,
  answers: [{ id: 'answer_0001', text: 'Under Favourites.', mentorName: 'Ana', createdAt: '2026-01-04T11:00:00.000Z' }],
};

const server = () =>
  fakeServer({
    'GET /v1/flags/mine': () => json(200, { flags: [flag('flag_named1', 'Named flag')] }),
    'GET /v1/questions/mine': () => json(200, { questions: [question] }),
    'POST /v1/receipts/status': () =>
      json(200, {
        flags: [
          flag('flag_anon01', 'Anonymous flag', {
            anonymous: true,
            status: 'resolved',
            response: 'We moved the dose field up.',
            respondedAt: '2026-01-05T09:00:00.000Z',
          }),
        ],
      }),
  });

/** The list entry that holds this text. */
const entry = (text: string) => screen.getByText(text, { selector: '.item-text' }).closest('li');

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
  await receiptsItem.setValue([
    { clientId: crypto.randomUUID(), secret: SECRET, createdAt: 0, textPreview: 'Anonymous flag', userId: USER.id },
  ]);
});
afterEach(cleanup);

describe('My items opened at an item', () => {
  it('opens at an anonymous flag from its link (a tab at popup.html#item=ID), focused', async () => {
    await renderPopup(server(), { hash: () => '#item=flag_anon01' });
    await screen.findByText('We moved the dose field up.');
    const li = entry('Anonymous flag');
    expect(li?.getAttribute('aria-current')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(li));
    expect(entry('Named flag')?.getAttribute('aria-current')).toBeNull();
  });

  it('opens at the answered question after its notification is clicked and the popup opens', async () => {
    const openPopup = vi.fn(async () => {});
    const b = { ...fakeBrowser, action: { ...fakeBrowser.action, openPopup } };
    await onNotificationClicked(
      notificationId('answer:answer_0001', { surface: 'items', id: 'q_0000001' }),
      b as unknown as Parameters<typeof onNotificationClicked>[1],
    );
    expect(openPopup).toHaveBeenCalledOnce();
    await renderPopup(server());
    await screen.findByText('Under Favourites.');
    await waitFor(() => expect(document.activeElement).toBe(entry('Where is the insulin order set?')));
    // Once: going back and reopening the popup starts at home, as usual.
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(async () => expect((await draftsItem.getValue()).view).toBe('home'));
    cleanup();
    await renderPopup(server(), { hash: () => '' });
    expect(screen.queryByRole('heading', { name: 'My items' })).toBeNull();
  });

  it('ignores a link with no well-formed id', async () => {
    await renderPopup(server(), { hash: () => '#item=../../admin' });
    expect(screen.queryByRole('heading', { name: 'My items' })).toBeNull();
  });
});
