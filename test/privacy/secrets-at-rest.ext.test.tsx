// Issue 13 §8, as an attacker at a shared workstation reads it: everything in browser.storage (local,
// session and sync), dumped after each step of a clinician's and a mentor's day. No receipt secret,
// no free text typed or received, no token or key after sign-out; and nothing accepted is lost.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MENU_ID, setupBackground } from '../../extension/background/setup';
import { createInboxState } from '../../extension/inbox/state';
import { signOutStored } from '../../extension/lib/signout';
import { draftsItem } from '../../extension/lib/storage';
import type { FlagCreate } from '../../shared/flags';
import { flagResponse, json, mockManifest, openDrafts, SESSION, USER } from '../extension/helpers';
import { fakeServer, renderPopup } from '../extension/popup/fixtures';

const KEY = 'ef'.repeat(32);
const HOUR = 3_600_000;
/** The popup's clock: moved on so that a failed send is due again (the outbox backs off). */
let clock = Date.now();
const HEX64 = /[0-9a-f]{64}/g;

/** Every storage area the extension can write, as one string. */
async function everything() {
  const [local, session, sync] = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.session.get(null),
    fakeBrowser.storage.sync.get(null),
  ]);
  return { local: JSON.stringify(local), session: JSON.stringify(session), sync: JSON.stringify(sync) };
}

async function expectNowhere(...needles: string[]) {
  const all = await everything();
  for (const needle of needles)
    for (const [area, text] of Object.entries(all)) expect(text, `${area} holds “${needle}”`).not.toContain(needle);
}

/** On disk (local, sync) nothing looks like a 256-bit secret; in memory (session) only the user's key. */
async function expectNoSecretShapes() {
  const { local, session, sync } = await everything();
  expect(local.match(HEX64) ?? []).toEqual([]);
  expect(sync.match(HEX64) ?? []).toEqual([]);
  expect((session.match(HEX64) ?? []).filter((s) => s !== KEY)).toEqual([]);
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

/** A server that can be taken offline, refuses texts naming "Okafor" (as the API's own check would). */
function hospital() {
  const state = { online: true };
  const flags: FlagCreate[] = [];
  const received: FlagCreate[] = [];
  const server = fakeServer({
    'POST /v1/auth/enroll': () => json(200, { token: 'tok_sam_1', expiresAt: SESSION.expiresAt, user: USER }),
    'POST /v1/auth/logout': () => json(200, { ok: true }),
    'POST /v1/flags': (body) => {
      const flag = body as FlagCreate;
      received.push(flag);
      if (flag.text.includes('Okafor'))
        return json(422, {
          error: {
            code: 'identifiers_found',
            message: 'The text still holds what looks like patient identifiers',
            details: { field: 'text', spans: [{ start: 0, end: 6, kind: 'name' }] },
          },
        });
      if (!flags.some((f) => f.clientId === flag.clientId)) flags.push(flag);
      return json(201, { ...flagResponse(flag), anonymous: flag.anonymous });
    },
    'POST /v1/receipts/status': (body) => {
      const secrets = (body as { secrets: string[] }).secrets;
      return json(200, {
        flags: secrets.map((s) => {
          const f = flags.find((x) => x.receiptSecret === s);
          // Acknowledged since: news the list marks as seen once shown.
          return f ? { ...flagResponse(f), anonymous: true, status: 'acknowledged' } : null;
        }),
      });
    },
    'GET /v1/questions/mine': () => json(200, { questions: [] }),
  });
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    if (!state.online) throw new TypeError('Failed to fetch');
    return server.fetchFn(input, init);
  });
  return { state, flags, received, fetchFn, routes: server.routes };
}

async function signIn() {
  type('Code', 'ABCD-1234');
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('button', { name: 'Flag friction' });
}

async function writeFlag(text: string, { anonymous = false } = {}) {
  fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
  await screen.findByLabelText('What got in the way?');
  type('What got in the way?', text);
  type('Minutes lost each time', '4');
  if (anonymous) fireEvent.click(screen.getByLabelText('Send anonymously'));
}

async function sendFlag() {
  fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
  // Done when the popup says what became of it (sent, waiting, or refused).
  await waitFor(() => expect(document.body.textContent).toMatch(/Flag sent\.|Flag saved on this device|Flag not sent/));
  await screen.findByRole('button', { name: 'Flag friction' });
}

// The popup loads its services and forms lazily; loaded once here, so no test pays the first
// import (seconds on a loaded machine) inside a one-second wait.
beforeAll(async () => {
  await Promise.all([import('../../extension/popup/state/services'), import('../../extension/popup/FlagForm')]);
});

beforeEach(() => {
  clock = Date.now();
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('secrets at rest: a clinician’s day on a shared workstation', () => {
  it('keeps drafts, queued, refused and received text and receipt secrets out of storage, and loses nothing', async () => {
    const api = hospital();
    const first = await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    await signIn();

    // A draft with a name typed before the check: restored on reopening, never in the clear.
    const draft = 'Mrs Adeyemi’s pump library is out of date again';
    await writeFlag(draft);
    // Saved (every change is): the popup can close now.
    await waitFor(async () => expect((await openDrafts()).flag).toMatchObject({ text: draft, minutesLost: '4' }));
    first.view.unmount();
    cleanup();
    const second = await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    expect(await screen.findByLabelText('What got in the way?')).toHaveProperty('value', draft);
    await expectNowhere(draft, 'Adeyemi');

    // Sent anonymously while offline: it waits on the device, with its receipt secret, sealed.
    api.state.online = false;
    fireEvent.click(screen.getByLabelText('Send anonymously'));
    await sendFlag();
    await screen.findByRole('heading', { name: 'Waiting to send (1)' });
    await expectNowhere('Adeyemi');
    await expectNoSecretShapes();

    // A text the API refuses for identifiers moves to "needs attention", sealed.
    api.state.online = true;
    clock += HOUR;
    const refused = 'Okafor in bay 4: the sliding-scale order set is hidden';
    await writeFlag(refused);
    await sendFlag();
    await screen.findByRole('heading', { name: 'Needs attention (1)' });
    await waitFor(() => expect(api.flags).toHaveLength(1));
    await expectNowhere('Okafor', 'sliding-scale', 'Adeyemi');
    const secret = api.flags[0]?.receiptSecret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await expectNowhere(secret ?? 'no secret');

    // My items: the offline copy of the list (named and anonymous flags by receipt) is sealed too.
    fireEvent.click(screen.getByRole('button', { name: 'My items' }));
    await screen.findByText(draft);
    await waitFor(() => expect(api.routes('POST /v1/receipts/status')).toHaveLength(1));
    await expectNowhere(draft, 'Adeyemi', secret ?? 'no secret');
    // Not even the anonymous flag's id (in the list, or in what was marked seen), which would tie
    // this workstation's user to it.
    await waitFor(async () => expect((await everything()).local).toMatch(/"seen(Sealed)?":/));
    await expectNowhere('flag_000001');
    await expectNoSecretShapes();
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(async () => expect((await draftsItem.getValue()).view).toBe('home'));
    second.view.unmount();
    cleanup();

    // Offline again: a last flag waits, then the clinician signs out. Nothing of theirs stays readable,
    // neither the token nor the key; the waiting flag stays (sealed) for their return.
    const third = await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    await screen.findByRole('button', { name: 'Flag friction' });
    api.state.online = false;
    const late = 'Barcode scanner drops the connection at bed 7';
    await writeFlag(late);
    await sendFlag();
    await screen.findByRole('heading', { name: 'Waiting to send (1)' });
    fireEvent.click(screen.getByRole('button', { name: /Sign out/ }));
    await screen.findByRole('button', { name: 'Sign in' });
    await expectNowhere(late, 'Barcode', 'Okafor', draft, secret ?? 'no secret', 'tok_sam_1', KEY);
    third.view.unmount();
    cleanup();

    // The same clinician comes back: the waiting flag and the refused one are theirs again.
    api.state.online = true;
    clock += HOUR;
    await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    await signIn();
    await waitFor(() => expect(api.flags.map((f) => f.text)).toEqual([draft, late]));
    await screen.findByRole('heading', { name: 'Needs attention (1)' });
    // Opened with their key again: what was refused, to fix and resend.
    expect(await screen.findByText(/Okafor in bay 4/)).toBeTruthy();
    await expectNowhere(late, 'Okafor');
  });

  it('queues a flag sealed when the browser restarted and the server is unreachable, and sends it later', async () => {
    const api = hospital();
    const first = await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    await signIn();
    first.view.unmount();
    cleanup();
    // A browser restart empties session storage; the token stays, the server is out of reach.
    await fakeBrowser.storage.session.clear();
    api.state.online = false;
    await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    const text = 'Med rec screen freezes when sorting by dose';
    await writeFlag(text, { anonymous: true });
    await sendFlag();
    await screen.findByRole('heading', { name: 'Waiting to send (1)' });
    await expectNowhere(text, 'freezes');
    await expectNoSecretShapes();

    api.state.online = true;
    clock += HOUR;
    fireEvent.click(screen.getByRole('button', { name: 'Try sending now' }));
    await waitFor(() => expect(api.flags.map((f) => f.text)).toEqual([text]));
    await expectNowhere(text, api.flags[0]?.receiptSecret ?? 'no secret');
  });

  it('keeps text selected on a page for "Ask a mentor about this" sealed until the popup opens it', async () => {
    const api = hospital();
    const popup = await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    await signIn();
    popup.view.unmount();
    cleanup();

    const contextMenus = { create: vi.fn(), onClicked: { listeners: [] as Array<(i: unknown) => unknown> } };
    const menus = {
      create: contextMenus.create,
      onClicked: { addListener: (l: (i: unknown) => unknown) => contextMenus.onClicked.listeners.push(l) },
    };
    const action = { ...fakeBrowser.action, openPopup: vi.fn(async () => {}) };
    setupBackground(
      { runtime: fakeBrowser.runtime, alarms: fakeBrowser.alarms, contextMenus: menus, action } as never,
      async () => null,
      async () => null,
      async () => null,
    );
    const selection = 'Ward 5 patient Nakamura: how do I reorder the PRN?';
    await Promise.all(
      contextMenus.onClicked.listeners.map((l) => l({ menuItemId: MENU_ID, selectionText: selection })),
    );
    await expectNowhere('Nakamura', 'reorder the PRN');

    await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    expect(await screen.findByLabelText('Your question')).toHaveProperty('value', selection);
    await expectNowhere('Nakamura');
  });
});

describe('secrets at rest: a mentor’s inbox drafts', () => {
  it('seals answer drafts, restores them, and clears them at sign-out', async () => {
    const api = hospital();
    const popup = await renderPopup({ ...fakeServer(), fetchFn: api.fetchFn }, { now: () => clock });
    await signIn();
    popup.view.unmount();
    cleanup();

    const inboxFetch = vi.fn<typeof fetch>(async (input) => {
      const path = new URL(String(input)).pathname;
      if (path === '/v1/topics') return json(200, { topics: [] });
      if (path === '/v1/mentors') return json(200, { mentors: [] });
      if (path === '/v1/mentors/me')
        return json(200, { topicIds: [], disciplines: [], weeklyCapacity: 5, away: false, answeredThisWeek: 0 });
      if (path === '/v1/queue') return json(200, { items: [] });
      return api.fetchFn(input);
    });
    const answer = 'Tell Mr Haddad’s nurse to use the Reconcile tab';
    const inbox = createInboxState({ fetchFn: inboxFetch, loadDetector: async () => null, version: '0.1.0' });
    await inbox.init();
    await inbox.saveDraft('q_000001', 'answer', answer);
    await expectNowhere('Haddad', 'Reconcile tab');

    const reopened = createInboxState({ fetchFn: inboxFetch, loadDetector: async () => null, version: '0.1.0' });
    await reopened.init();
    expect(reopened.drafts.value.q_000001?.answer).toBe(answer);

    await signOutStored({ fetchFn: api.fetchFn, browser: fakeBrowser });
    await expectNowhere('Haddad', 'Reconcile tab', 'tok_sam_1', KEY);
    const after = createInboxState({ fetchFn: inboxFetch, loadDetector: async () => null, version: '0.1.0' });
    await after.init();
    expect(after.drafts.value).toEqual({});
  });
});
