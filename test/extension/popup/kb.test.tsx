import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { screenTipsItem, sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION, USER } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

const at = '2026-01-05T00:00:00.000Z';
const answerTip = (id: string, path: string, title: string) => ({
  id,
  kind: 'answer' as const,
  path,
  title,
  text: `Answer to: ${title}`,
  createdAt: at,
});
const TIPS = [
  answerTip('kb_entry01', '/patients/:id/orders', 'Where is the weight-based heparin order set?'),
  {
    id: 'tip_000001',
    kind: 'tip' as const,
    path: '/patients/77/orders',
    title: null,
    text: 'Star an order set.',
    createdAt: at,
  },
  answerTip('kb_entry02', '/patients/:id/orders', 'How do I renew an expiring order?'),
  answerTip('kb_entry03', '/patients/:id/orders', 'Can I sort orders by due time?'),
  answerTip('kb_entry04', '/patients/:id/notes', 'Where are the note templates?'),
];
const entry = (id: string) => ({
  id,
  topicId: 'topic_00001',
  question: 'Where is the weight-based heparin order set?',
  answers: ['Favourites → Anticoagulation → Heparin (weight-based).'],
  screen: { host: 'ehr.example.org', path: '/patients/:id/orders' },
  publishedAt: at,
});

const tipsServer = (extra = {}) =>
  fakeServer({
    'GET /v1/kb/screen-tips': () => json(200, { tips: TIPS }),
    'POST /v1/kb/*/open': (_b, url) => json(200, entry(url.pathname.split('/')[3] as string)),
    ...extra,
  });

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('answers for this screen', () => {
  it('shows up to three for the screen on Home, asking the server for the system only', async () => {
    const server = tipsServer();
    await renderPopup(server);
    const section = (await screen.findByRole('heading', { name: 'Others asked this here' })).closest('section');
    const list = within(section as HTMLElement);
    expect(list.getAllByRole('listitem')).toHaveLength(3);
    expect(list.getByRole('button', { name: 'Where is the weight-based heparin order set?' })).toBeTruthy();
    // A tip written for another patient's copy of the same screen still matches (`:id`).
    expect(list.getByText('Star an order set.')).toBeTruthy();
    expect(list.queryByText(/note templates/)).toBeNull();
    expect(list.queryByText(/sort orders/)).toBeNull();
    const [request] = server.routes('GET /v1/kb/screen-tips');
    expect(request?.url).toBe('http://127.0.0.1:8787/v1/kb/screen-tips?host=ehr.example.org');
    expect(server.requests.some((r) => r.url.includes('orders') || r.url.includes('12345'))).toBe(false);
  });

  it('opens an answer once, counting it as a deflection', async () => {
    const server = tipsServer();
    await renderPopup(server);
    const button = await screen.findByRole('button', { name: 'Where is the weight-based heparin order set?' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    await screen.findByText('Favourites → Anticoagulation → Heparin (weight-based).');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(server.routes('POST /v1/kb/kb_entry01/open')).toHaveLength(1);
    fireEvent.click(button);
    fireEvent.click(button);
    await screen.findByText('Favourites → Anticoagulation → Heparin (weight-based).');
    expect(server.routes('POST /v1/kb/kb_entry01/open')).toHaveLength(1);
    // Tips have no open endpoint: nothing else was posted.
    expect(server.requests.filter((r) => r.route.startsWith('POST /v1/kb/'))).toHaveLength(1);
  });

  it('keeps a system’s tips for a few minutes, then asks again', async () => {
    let clock = Date.parse('2026-02-01T09:00:00Z');
    const now = () => clock;
    const server = tipsServer();
    const first = await renderPopup(server, { now });
    await screen.findByRole('heading', { name: 'Others asked this here' });
    first.view.unmount();
    expect(Object.keys(await screenTipsItem.getValue())).toEqual([`http://127.0.0.1:8787 ${USER.id} ehr.example.org`]);

    clock += 4 * 60_000;
    const second = await renderPopup(server, { now });
    await screen.findByRole('heading', { name: 'Others asked this here' });
    expect(server.routes('GET /v1/kb/screen-tips')).toHaveLength(1);
    second.view.unmount();

    clock += 2 * 60_000;
    await renderPopup(server, { now });
    await screen.findByRole('heading', { name: 'Others asked this here' });
    await waitFor(() => expect(server.routes('GET /v1/kb/screen-tips')).toHaveLength(2));
  });

  it('shows nothing, and no error, when the system has none or the API is unreachable', async () => {
    const server = fakeServer({
      'GET /v1/kb/screen-tips': () => json(503, { error: { code: 'internal', message: 'x' } }),
    });
    await renderPopup(server);
    await waitFor(() => expect(server.routes('GET /v1/kb/screen-tips')).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'Others asked this here' })).toBeNull();
    expect(screen.getByRole('alert').textContent).toBe('');
  });

  it('shows them on the Ask form before typing, for the screen the question is about', async () => {
    const server = tipsServer();
    await renderPopup(server);
    fireEvent.click(screen.getByRole('button', { name: 'Ask a mentor' }));
    await screen.findByLabelText('Your question');
    const heading = await screen.findByRole('heading', { name: 'Others asked this here' });
    expect(heading.closest('form')).toBeTruthy();
  });
});

describe('answers while typing a question', () => {
  const hit = {
    id: 'kb_entry01',
    topicId: 'topic_00001',
    title: [
      { text: 'Where is the weight-based ', match: false },
      { text: 'heparin', match: true },
      { text: ' order set?', match: false },
    ],
    snippet: [
      { text: '<img src=x onerror=alert(1)> Favourites → ', match: false },
      { text: 'Heparin', match: true },
    ],
    screen: null,
    publishedAt: at,
  };
  const searchServer = () =>
    tipsServer({
      'POST /v1/kb/search': () => json(200, { results: [hit] }),
    });

  async function openAsk(server: ReturnType<typeof fakeServer>) {
    const popup = await renderPopup(server);
    fireEvent.click(screen.getByRole('button', { name: 'Ask a mentor' }));
    await screen.findByLabelText('Your question');
    await waitFor(() => expect(popup.state.detector.value).not.toBeNull());
    return popup;
  }
  const type = (value: string) => fireEvent.input(screen.getByLabelText('Your question'), { target: { value } });

  it('searches once per pause, with the draft redacted and in the body only', async () => {
    const server = searchServer();
    await openAsk(server);
    type('Heparin for John');
    type('Heparin for John on 03/14/1958');
    type('Heparin for John on 03/14/1958 drip');
    await screen.findByRole('heading', { name: 'Answers that may help' });
    const searches = server.routes('POST /v1/kb/search');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.body).toEqual({ query: 'Heparin for [NAME] on [DATE] drip', limit: 3 });
    for (const r of server.requests) {
      expect(r.url).not.toMatch(/Heparin|John|1958/i);
      expect(JSON.stringify(r.body ?? '')).not.toMatch(/John|1958/);
    }
    // Screen tips make way for matches once the person types.
    expect(screen.queryByRole('heading', { name: 'Others asked this here' })).toBeNull();
  });

  it('highlights with <mark> and never renders the API’s text as markup', async () => {
    await openAsk(searchServer());
    type('Where is the heparin order set');
    const section = (await screen.findByRole('heading', { name: 'Answers that may help' })).closest('section');
    const marks = [...(section as HTMLElement).querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['heparin', 'Heparin']);
    expect(section?.querySelector('img')).toBeNull();
    expect(section?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('counts opening a match as a deflection', async () => {
    const server = searchServer();
    await openAsk(server);
    type('Where is the heparin order set');
    fireEvent.click(await screen.findByRole('button', { name: 'Where is the weight-based heparin order set?' }));
    await screen.findByText('Favourites → Anticoagulation → Heparin (weight-based).');
    expect(server.routes('POST /v1/kb/kb_entry01/open')).toHaveLength(1);
  });

  it('sends nothing while the identifier check has not loaded', async () => {
    const server = searchServer();
    await renderPopup(server, { loadDetector: async () => null });
    fireEvent.click(screen.getByRole('button', { name: 'Ask a mentor' }));
    await screen.findByLabelText('Your question');
    type('Heparin for John');
    await new Promise((r) => setTimeout(r, 600));
    expect(server.routes('POST /v1/kb/search')).toHaveLength(0);
  });

  it('does not search for a very short draft', async () => {
    const server = searchServer();
    await openAsk(server);
    type('Hep');
    await new Promise((r) => setTimeout(r, 600));
    expect(server.routes('POST /v1/kb/search')).toHaveLength(0);
  });
});
