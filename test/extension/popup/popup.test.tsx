import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sha256Hex } from '../../../extension/lib/ids';
import type { Detector } from '../../../extension/lib/phi';
import { keepPrefill } from '../../../extension/lib/prefill';
import { readSeen } from '../../../extension/lib/seen';
import {
  itemsCacheItem,
  needsAttentionItem,
  prefillItem,
  receiptsItem,
  sessionItem,
} from '../../../extension/lib/storage';
import { App } from '../../../extension/popup/App';
import { createPopupState, PopupContext, type PopupDeps } from '../../../extension/popup/state';
import { CheckedTextField } from '../../../extension/ui/CheckedTextField';
import {
  flagBody,
  flagResponse,
  json,
  mockManifest,
  openDrafts,
  SESSION,
  sealedAttention,
  USER,
  unlockedFor,
} from '../helpers';

/** A tiny stand-in for shared/phi: capitalised "John" is a name, nn/nn/nnnn a date. */
function findStub(text: string) {
  return [...text.matchAll(/John|\d\d\/\d\d\/\d{4}/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: m[0] === 'John' ? ('name' as const) : ('date' as const),
  }));
}

const stubDetector: Detector = {
  findIdentifiers: findStub,
  redactIdentifiers(text, spans = findStub(text)) {
    let out = text;
    for (const s of [...spans].sort((a, b) => b.start - a.start))
      out = `${out.slice(0, s.start)}[${s.kind.toUpperCase()}]${out.slice(s.end)}`;
    return out;
  },
  KIND_LABELS: { name: 'a name', date: 'a date' } as Detector['KIND_LABELS'],
};

const SETTINGS = {
  organisationName: 'General Hospital',
  timeZone: 'America/New_York',
  kAnonymity: 3,
  idleSignOutMinutes: 0,
  minExtensionVersion: '0.0.0',
  incidentReportingUrl: 'https://incidents.example.org/',
  employeeAssistance: '',
  crisisContacts: '',
};

type Handler = (body: unknown) => Response | Promise<Response>;

function fakeServer(overrides: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    'GET /v1/units': () => json(200, { units: [{ id: 'unit_icu001', name: 'ICU', active: true }] }),
    'GET /v1/topics': () => json(200, { topics: [{ id: 'topic_00001', name: 'Medications', active: true }] }),
    'GET /v1/settings': () => json(200, SETTINGS),
    'GET /v1/me/receipt-key': () => json(200, { key: 'ef'.repeat(32) }),
    'POST /v1/flags': (body) => json(201, flagResponse(body as never)),
    ...overrides,
  };
  const requests: Array<{ route: string; body: unknown }> = [];
  const fetchFn = vi.fn<typeof fetch>(async (url, init) => {
    const route = `${init?.method ?? 'GET'} ${new URL(String(url)).pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ route, body });
    const handler = handlers[route];
    return handler ? handler(body) : json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  return { fetchFn, requests };
}

const TAB = { url: 'https://ehr.example.org/patients/12345/orders?mrn=998877', title: 'Orders – DOE, JOHN' };

async function renderApp(deps: Partial<PopupDeps> = {}) {
  const server = fakeServer();
  const tabs = { query: vi.fn(async () => [TAB]) };
  const permissions = { request: vi.fn(async () => true) };
  const state = createPopupState({
    browser: { ...fakeBrowser, tabs, permissions } as unknown as PopupDeps['browser'],
    fetchFn: server.fetchFn,
    loadDetector: async () => stubDetector,
    ...deps,
  });
  await state.init();
  const view = render(
    <PopupContext.Provider value={state}>
      <App />
    </PopupContext.Provider>,
  );
  return { state, server, tabs, permissions, view };
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const choose = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function fillRequiredFlag(text: string) {
  type('What got in the way?', text);
  choose('Category', 'documentation_ehr');
  choose('How often?', 'daily');
  type('Minutes lost each time', '4');
  fireEvent.click(screen.getByLabelText('Delayed care'));
}

beforeEach(() => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('sign in', () => {
  it('shows the API’s words when the code is refused', async () => {
    const server = fakeServer({
      'POST /v1/auth/enroll': () =>
        json(400, { error: { code: 'bad_request', message: 'That code has expired. Ask for a new one.' } }),
    });
    await renderApp({ fetchFn: server.fetchFn });
    expect(screen.getByLabelText('API address')).toHaveProperty('value', 'http://127.0.0.1:8787');
    type('Code', 'ABCD-1234');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('That code has expired. Ask for a new one.'),
    );
  });

  it('keeps the server address folded away from clinicians, showing only its host', async () => {
    await renderApp();
    const field = screen.getByLabelText('API address');
    const folded = field.closest('details');
    expect(folded?.open).toBe(false);
    expect(folded?.querySelector('summary')?.textContent).toContain('127.0.0.1:8787');
  });

  it('refuses a plain-http address for a remote server, in words', async () => {
    await renderApp();
    type('API address', 'http://curbside.example.org');
    type('Code', 'ABCD-1234');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/must start with https/));
  });

  it('asks for host permission for a non-default server, then signs in', async () => {
    const server = fakeServer({
      'POST /v1/auth/enroll': () => json(200, { token: 't', expiresAt: SESSION.expiresAt, user: SESSION.user }),
    });
    const { permissions } = await renderApp({ fetchFn: server.fetchFn });
    type('API address', 'https://curbside.example.org/');
    type('Code', 'ABCD-1234');
    type('Your name (optional)', 'Sam');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: 'Flag friction' });
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://curbside.example.org/*'] });
    expect(server.requests[0]).toEqual({
      route: 'POST /v1/auth/enroll',
      body: { code: 'ABCD-1234', displayName: 'Sam' },
    });
    expect((await sessionItem.getValue())?.apiUrl).toBe('https://curbside.example.org');
  });
});

describe('flag form', () => {
  beforeEach(() => sessionItem.setValue(SESSION));

  it('saves the draft on every keystroke and restores it when the popup reopens', async () => {
    const first = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    for (const text of ['T', 'Ti', 'Tim']) {
      type('What got in the way?', text);
      await waitFor(async () => expect((await openDrafts()).flag?.text).toBe(text));
    }
    first.view.unmount();

    await renderApp();
    const field = await screen.findByLabelText('What got in the way?');
    expect(field).toHaveProperty('value', 'Tim');
  });

  it('shows the de-identified screen and lets the user remove it', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    expect((await screen.findByText('ehr.example.org/patients/:id/orders')).tagName).toBe('CODE');
    expect(document.body.textContent).not.toContain('12345');
    fireEvent.click(screen.getByRole('button', { name: 'Remove screen' }));
    await screen.findByText('No screen attached.');
    await waitFor(async () => expect((await openDrafts()).flag?.screen).toBeNull());
  });

  it('never takes the page title unless asked, and then checks it like typed text', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    expect(screen.queryByDisplayValue(TAB.title)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Add page title' }));
    expect(await screen.findByLabelText('Page title (optional)')).toHaveProperty('value', TAB.title);
  });

  it('turns off and disables contact when sending anonymously', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    const contact = (await screen.findByLabelText('You may contact me')) as HTMLInputElement;
    fireEvent.click(contact);
    expect(contact.checked).toBe(true);
    fireEvent.click(screen.getByLabelText('Send anonymously'));
    await waitFor(() => expect(contact.disabled).toBe(true));
    expect(contact.checked).toBe(false);
    // Saved (sealed) before the next test starts from a fresh browser.
    await waitFor(async () => expect((await openDrafts()).flag?.anonymous).toBe(true));
  });

  it('sends through the outbox and says so', async () => {
    const { server } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    await waitFor(() => expect(screen.getByRole('option', { name: 'ICU' })).toBeTruthy());
    await fillRequiredFlag('Order set hides the weight-based dose');
    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    await waitFor(() => expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('Flag sent.'));
    const sent = server.requests.find((r) => r.route === 'POST /v1/flags')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({
      text: 'Order set hides the weight-based dose',
      category: 'documentation_ehr',
      frequency: 'daily',
      minutesLost: 4,
      impact: 'delay',
      unitId: 'unit_icu001',
      screen: { host: 'ehr.example.org', path: '/patients/:id/orders' },
      anonymous: false,
    });
    expect((await openDrafts()).flag).toBeUndefined();
  });

  it('needs only what got in the way and the minutes when the rest is unremarkable', async () => {
    const { server } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    type('What got in the way?', 'Sorting by dose reloads the page');
    type('Minutes lost each time', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    await waitFor(() => expect(server.requests.some((r) => r.route === 'POST /v1/flags')).toBe(true));
    expect(server.requests.find((r) => r.route === 'POST /v1/flags')?.body).toMatchObject({
      category: 'other',
      frequency: 'once',
      impact: 'none',
      minutesLost: 3,
    });
  });

  it('says "Waiting to send" honestly when offline', async () => {
    const offline = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    await renderApp({ fetchFn: offline });
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    await fillRequiredFlag('Scanner drops the connection');
    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    await screen.findByRole('heading', { name: 'Waiting to send (1)' });
  });

  it('asks for an explicit "Send anyway" naming the kinds, and sends only hashes', async () => {
    const { server } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    await fillRequiredFlag('John was due 03/14/1958');
    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    await screen.findByText(/This still looks like: a name, a date\./);
    expect(server.requests.some((r) => r.route === 'POST /v1/flags')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Send with the highlighted text' }));
    await waitFor(() => expect(server.requests.some((r) => r.route === 'POST /v1/flags')).toBe(true));
    const sent = server.requests.find((r) => r.route === 'POST /v1/flags')?.body as { confirmedSpans: unknown };
    expect(sent.confirmedSpans).toEqual([
      { kind: 'name', sha256: await sha256Hex('John') },
      { kind: 'date', sha256: await sha256Hex('03/14/1958') },
    ]);
  });
});

describe('identifier warning', () => {
  beforeEach(() => sessionItem.setValue(SESSION));

  it('makes Redact the primary action and highlights exactly the spans found, field by field', async () => {
    const { server } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    await fillRequiredFlag('John was due 03/14/1958');
    type('Improvement idea (optional)', 'Ask John first');
    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    const dialog = await screen.findByRole('alertdialog');
    const primary = [...dialog.querySelectorAll('button.primary')].map((b) => b.textContent);
    expect(primary).toEqual(['Redact the highlighted text']);
    expect([...dialog.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['John', '03/14/1958', 'John']);
    // The preview is the text as typed, marks and all, so the person sees what would leave.
    expect([...dialog.querySelectorAll('.redact-preview')].map((p) => p.textContent)).toEqual([
      'John was due 03/14/1958',
      'Ask John first',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Redact the highlighted text' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByLabelText('What got in the way?')).toHaveProperty('value', '[NAME] was due [DATE]');
    expect(screen.getByLabelText('Improvement idea (optional)')).toHaveProperty('value', 'Ask [NAME] first');
    expect(server.requests.some((r) => r.route === 'POST /v1/flags')).toBe(false);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send flag' }));

    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    await waitFor(() => expect(server.requests.some((r) => r.route === 'POST /v1/flags')).toBe(true));
    const sent = server.requests.find((r) => r.route === 'POST /v1/flags')?.body as Record<string, unknown>;
    expect(sent).toMatchObject({ text: '[NAME] was due [DATE]', idea: 'Ask [NAME] first' });
    expect(sent.confirmedSpans).toBeUndefined();
  });

  it('says what leaves on the secondary button, and no button is called "Send anyway"', async () => {
    await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Flag friction' }));
    await screen.findByLabelText('What got in the way?');
    await fillRequiredFlag('John was due 03/14/1958');
    fireEvent.click(screen.getByRole('button', { name: 'Send flag' }));
    const dialog = await screen.findByRole('alertdialog');
    const send = screen.getByRole('button', { name: 'Send with the highlighted text' });
    expect(send.classList.contains('primary')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Send anyway' })).toBeNull();
    expect(dialog.textContent).toContain('This still looks like: a name, a date.');
  });
});

describe('CheckedTextField', () => {
  it('lists possible identifiers under the field and redacts one or all', () => {
    const onInput = vi.fn();
    render(
      <CheckedTextField
        id="t"
        label="Your question"
        value="Ask John about 03/14/1958"
        onInput={onInput}
        maxLength={1500}
        detector={stubDetector}
      />,
    );
    expect(screen.getByText(/Looks like a name/).textContent).toContain('“John”');
    expect(screen.getByText(/Looks like a date/).textContent).toContain('“03/14/1958”');
    expect(screen.getByText('25 / 1500')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Redact “John”' }));
    expect(onInput).toHaveBeenLastCalledWith('Ask [NAME] about 03/14/1958');
    fireEvent.click(screen.getByRole('button', { name: 'Redact all' }));
    expect(onInput).toHaveBeenLastCalledWith('Ask [NAME] about [DATE]');
  });

  it('shows nothing extra for clean text or before the detector loads', () => {
    render(<CheckedTextField id="t" label="Your question" value="John" onInput={() => {}} maxLength={10} />);
    expect(screen.queryByRole('button', { name: 'Redact all' })).toBeNull();
  });
});

describe('ask form', () => {
  beforeEach(() => sessionItem.setValue(SESSION));

  it('starts from the context-menu selection and sends the question', async () => {
    await unlockedFor(USER.id, 'ef'.repeat(32));
    await keepPrefill('How do I titrate the heparin drip?');
    const server = fakeServer({
      'POST /v1/questions': (body) =>
        json(201, {
          ...(body as object),
          id: 'question_01',
          screen: null,
          pageTitle: null,
          status: 'open',
          createdAt: '2026-01-02T10:00:00.000Z',
          answers: [],
          kind: 'question',
          messages: [],
          needsReply: false,
          helpful: null,
          shareConsent: false,
          published: false,
        }),
    });
    await renderApp({ fetchFn: server.fetchFn });
    const text = await screen.findByLabelText('Your question');
    expect(text).toHaveProperty('value', 'How do I titrate the heparin drip?');
    expect(await prefillItem.getValue()).toBeNull();
    await waitFor(() => expect(screen.getByRole('option', { name: 'Medications' })).toBeTruthy());
    choose('Topic', 'topic_00001');
    choose('Discipline', 'pharmacy');
    choose('Urgency', 'today');
    fireEvent.click(screen.getByRole('button', { name: 'Send question' }));
    await waitFor(() => expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('Question sent.'));
    expect(server.requests.find((r) => r.route === 'POST /v1/questions')?.body).toMatchObject({
      text: 'How do I titrate the heparin drip?',
      topicId: 'topic_00001',
      disciplineWanted: 'pharmacy',
      urgency: 'today',
      screen: { host: 'ehr.example.org', path: '/patients/:id/orders' },
    });
  });

  it('names the missing choices instead of sending', async () => {
    const { server } = await renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'Ask a mentor' }));
    // Focus moves to the form's heading when the view opens.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Ask a mentor'));
    fireEvent.click(screen.getByRole('button', { name: 'Send question' }));
    await screen.findByText('Please fill this in.');
    expect(screen.getByText('Please choose a topic.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('ask-text');
    expect(server.requests.some((r) => r.route === 'POST /v1/questions')).toBe(false);
  });
});

describe('needs attention', () => {
  beforeEach(async () => {
    await sessionItem.setValue(SESSION);
    // Refused earlier while signed in: sealed with this user's key (the fake server's).
    await unlockedFor(USER.id, 'ef'.repeat(32));
  });

  const refused = () => {
    const body = flagBody({ text: 'Call John back' });
    return {
      item: {
        kind: 'flag' as const,
        body,
        clientId: body.clientId,
        userId: USER.id,
        attempts: 0,
        nextAttemptAt: 0,
        createdAt: 0,
      },
      reason: 'The text looks like it names someone',
      code: 'identifiers_found' as const,
      details: { field: 'text' },
      at: 0,
    };
  };

  it('shows the reason and takes the item back into the form to fix', async () => {
    await needsAttentionItem.setValue([await sealedAttention(refused())]);
    await renderApp();
    await screen.findByRole('heading', { name: 'Needs attention (1)' });
    // Opened with the user's key: what was refused, and why.
    expect(await screen.findByText(/The text looks like it names someone \(in the text\)/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Edit and resend' }));
    expect(await screen.findByLabelText('What got in the way?')).toHaveProperty('value', 'Call John back');
    expect(screen.getByText(/Not sent yet: The text looks like it names someone/)).toBeTruthy();
    expect(await needsAttentionItem.getValue()).toEqual([]);
  });

  it('discards only after an explicit second step', async () => {
    await needsAttentionItem.setValue([await sealedAttention(refused())]);
    await renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Discard…' }));
    expect(await needsAttentionItem.getValue()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Discard for good' }));
    await waitFor(async () => expect(await needsAttentionItem.getValue()).toEqual([]));
  });

  it('is never shown to another user on the same device', async () => {
    await unlockedFor('user_other1', 'ab'.repeat(32));
    await needsAttentionItem.setValue([
      await sealedAttention({ ...refused(), item: { ...refused().item, userId: 'user_other1' } }),
    ]);
    await renderApp();
    await screen.findByRole('button', { name: 'Flag friction' });
    expect(screen.queryByText(/Needs attention/)).toBeNull();
  });
});

describe('my items', () => {
  beforeEach(() => sessionItem.setValue(SESSION));

  const named = { ...flagResponse(flagBody({ text: 'Named flag' }), 'flag_named1'), status: 'acknowledged' };
  const anonymous = {
    ...flagResponse(flagBody({ text: 'Anonymous flag' }), 'flag_anon01'),
    anonymous: true,
    createdAt: '2026-01-03T10:00:00.000Z',
  };
  const question = {
    id: 'question_01',
    clientId: crypto.randomUUID(),
    text: 'Where is the sliding-scale order set?',
    topicId: 'topic_00001',
    disciplineWanted: 'any',
    urgency: 'today',
    screen: null,
    pageTitle: null,
    status: 'answered',
    createdAt: '2026-01-04T10:00:00.000Z',
    kind: 'question',
    messages: [],
    needsReply: false,
    helpful: null,
    shareConsent: false,
    published: false,
    answers: [
      {
        id: 'answer_0001',
        text: 'Under Favourites → Insulin.',
        mentorName: 'Ana',
        createdAt: '2026-01-04T11:00:00.000Z',
      },
    ],
  };
  const server = () =>
    fakeServer({
      'GET /v1/flags/mine': () => json(200, { flags: [named] }),
      'GET /v1/questions/mine': () => json(200, { questions: [question] }),
      'POST /v1/receipts/status': () => json(200, { flags: [anonymous] }),
    });

  it('lists flags, anonymous flags by receipt and answered questions, marking what is new once', async () => {
    const secret = 'cd'.repeat(32);
    await receiptsItem.setValue([
      { clientId: anonymous.clientId, secret, createdAt: 0, textPreview: 'Anonymous flag', userId: USER.id },
      { clientId: crypto.randomUUID(), secret: 'ef'.repeat(32), createdAt: 0, textPreview: 'x', userId: 'user_other1' },
    ]);
    const first = server();
    const app = await renderApp({ fetchFn: first.fetchFn });
    fireEvent.click(screen.getByRole('button', { name: 'My items' }));
    await screen.findByText('Under Favourites → Insulin.');
    expect(screen.getByText('Acknowledged')).toBeTruthy();
    expect(screen.getByText('Anonymous flag', { selector: '.kind' })).toBeTruthy();
    expect([...document.querySelectorAll('.new')].map((e) => e.textContent)).toEqual([' · New answer', ' · Updated']);
    // Only this user's receipt, and without the token.
    expect(first.requests.find((r) => r.route === 'POST /v1/receipts/status')?.body).toEqual({ secrets: [secret] });
    await waitFor(async () => expect(await readSeen(USER.id)).toHaveLength(3));
    app.view.unmount();

    await renderApp({ fetchFn: server().fetchFn });
    await screen.findByText('Under Favourites → Insulin.');
    expect(document.querySelectorAll('.new')).toHaveLength(0);
  });

  it('shows the last list when offline', async () => {
    const first = await renderApp({ fetchFn: server().fetchFn });
    fireEvent.click(screen.getByRole('button', { name: 'My items' }));
    await screen.findByText('Named flag');
    await waitFor(async () => expect(await itemsCacheItem.getValue()).not.toBeNull());
    first.view.unmount();

    const offline = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    await renderApp({ fetchFn: offline });
    // The popup reopens where it was closed: on My items.
    await screen.findByText('Named flag');
    expect(screen.getByText(/Offline: showing the list as of/)).toBeTruthy();
  });
});
