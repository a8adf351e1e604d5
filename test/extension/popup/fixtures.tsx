import { fireEvent, render, screen } from '@testing-library/preact';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Detector } from '../../../extension/lib/phi';
import { App } from '../../../extension/popup/App';
import { createPopupState, PopupContext, type PopupDeps } from '../../../extension/popup/state';
import type { Question } from '../../../shared/questions';
import { json } from '../helpers';

// The popup loads its views, parts and services lazily. Loaded here up front, no dynamic import is still in
// flight when a test file's environment is torn down (vitest reports that as an unhandled error and fails
// the run), whichever views a test happens to leave half-open.
import.meta.glob(
  [
    '../../../extension/popup/**/*.{ts,tsx}',
    '../../../extension/ui/*.{ts,tsx}',
    '../../../extension/lib/ids.ts',
    '../../../shared/context.ts',
  ],
  { eager: true },
);

/** A tiny stand-in for shared/phi: capitalised "John" is a name, nn/nn/nnnn a date. */
function findStub(text: string) {
  return [...text.matchAll(/John|\d\d\/\d\d\/\d{4}/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: m[0] === 'John' ? ('name' as const) : ('date' as const),
  }));
}

export const stubDetector: Detector = {
  findIdentifiers: findStub,
  redactIdentifiers(text, spans = findStub(text)) {
    let out = text;
    for (const s of [...spans].sort((a, b) => b.start - a.start))
      out = `${out.slice(0, s.start)}[${s.kind.toUpperCase()}]${out.slice(s.end)}`;
    return out;
  },
  KIND_LABELS: { name: 'a name', date: 'a date' } as Detector['KIND_LABELS'],
};

export const SETTINGS = {
  organisationName: 'General Hospital',
  timeZone: 'America/New_York',
  kAnonymity: 3,
  idleSignOutMinutes: 0,
  minExtensionVersion: '0.0.0',
  incidentReportingUrl: null,
  employeeAssistance: 'Employee Assistance Programme: 0800 555 0100, any time',
  crisisContacts: 'Staff crisis line: 0800 555 0199',
};

export type Handler = (body: unknown, url: URL) => Response | Promise<Response>;

/** Answers by "METHOD /path" (path patterns with `*` for one segment) and records every request. */
export function fakeServer(overrides: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    'GET /v1/units': () => json(200, { units: [{ id: 'unit_icu001', name: 'ICU', active: true }] }),
    'GET /v1/topics': () => json(200, { topics: [{ id: 'topic_00001', name: 'Medications', active: true }] }),
    'GET /v1/settings': () => json(200, SETTINGS),
    'GET /v1/me/receipt-key': () => json(200, { key: 'ef'.repeat(32) }),
    'GET /v1/kb/screen-tips': () => json(200, { tips: [] }),
    'POST /v1/receipts/status': () => json(200, { flags: [] }),
    'GET /v1/flags/mine': () => json(200, { flags: [] }),
    ...overrides,
  };
  const requests: Array<{ route: string; url: string; body: unknown }> = [];
  const fetchFn = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input));
    const route = `${init?.method ?? 'GET'} ${url.pathname}`;
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    requests.push({ route, url: url.href, body });
    const handler =
      handlers[route] ??
      Object.entries(handlers).find(([k]) => new RegExp(`^${k.replaceAll('*', '[^/]+')}$`).test(route))?.[1];
    return handler ? handler(body, url) : json(404, { error: { code: 'not_found', message: 'Not found' } });
  });
  const routes = (route: string) => requests.filter((r) => r.route === route);
  return { fetchFn, requests, routes };
}

export const TAB = { url: 'https://ehr.example.org/patients/12345/orders?mrn=998877', title: 'Orders – DOE, JOHN' };

export async function renderPopup(server: ReturnType<typeof fakeServer>, deps: Partial<PopupDeps> = {}) {
  const tabs = { query: vi.fn(async () => [TAB]) };
  const state = createPopupState({
    browser: {
      ...fakeBrowser,
      tabs,
      permissions: { request: vi.fn(async () => true) },
    } as unknown as PopupDeps['browser'],
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
  return { state, view, tabs };
}

/** A question the signed-in user asked: open, unanswered, nothing asked back, unless a test says otherwise. */
export function myQuestion(overrides: Partial<Question> = {}): Question {
  return {
    id: 'question_01',
    clientId: '6f1c1d2e-7b0a-4c57-9a55-3e7f1c2b9d40',
    kind: 'question',
    text: 'Where is the sliding-scale order set?',
    topicId: 'topic_00001',
    disciplineWanted: 'any',
    urgency: 'today',
    screen: null,
    pageTitle: null,
    status: 'open',
    createdAt: '2026-01-04T10:00:00.000Z',
    answers: [],
    messages: [],
    needsReply: false,
    helpful: null,
    shareConsent: false,
    published: false,
    ...overrides,
  };
}

/** The popup rendered and turned to My items, once the item reading `shown` is listed. */
export async function openItems(
  server: ReturnType<typeof fakeServer>,
  shown = 'Where is the sliding-scale order set?',
) {
  const popup = await renderPopup(server);
  fireEvent.click(screen.getByRole('button', { name: 'My items' }));
  await screen.findByText(shown);
  return popup;
}
