import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sha256Hex } from '../../../extension/lib/ids';
import { readSeen } from '../../../extension/lib/seen';
import { outboxItem, sessionItem } from '../../../extension/lib/storage';
import type { Question } from '../../../shared/questions';
import { json, mockManifest, openDrafts, SESSION, USER } from '../helpers';
import { fakeServer, type Handler, myQuestion, openItems, renderPopup, SETTINGS } from './fixtures';

const ANSWER = {
  id: 'answer_0001',
  text: 'Under Favourites → Insulin.',
  mentorName: 'Ana',
  createdAt: '2026-01-04T12:00:00.000Z',
};
const CLARIFY = {
  id: 'msg_000001',
  kind: 'clarification' as const,
  text: 'Which unit are you on?',
  authorName: 'Ana',
  createdAt: '2026-01-04T11:00:00.000Z',
};
const REPLY = {
  id: 'msg_000002',
  kind: 'reply' as const,
  text: 'ICU',
  authorName: USER.displayName,
  createdAt: '2026-01-04T11:30:00.000Z',
};

const question = myQuestion;

function itemsServer(questions: Question[], extra: Record<string, Handler> = {}) {
  return fakeServer({ 'GET /v1/questions/mine': () => json(200, { questions }), ...extra });
}

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
  await sessionItem.setValue(SESSION);
});
afterEach(cleanup);

describe('threads in My items', () => {
  it('shows answers, clarifying questions and replies oldest first', async () => {
    await openItems(itemsServer([question({ status: 'answered', answers: [ANSWER], messages: [CLARIFY, REPLY] })]));
    const texts = [...document.querySelectorAll('.item .answer p')].map((p) => p.textContent);
    expect(texts).toEqual(['Which unit are you on?', 'ICU', 'Under Favourites → Insulin.']);
    expect(screen.getByText(/^Ana asked,/)).toBeTruthy();
    expect(screen.getByText(/^You replied,/)).toBeTruthy();
    // Answered and not waiting: no reply box.
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
  });

  it('marks a new clarifying question once, with the toolbar badge’s key', async () => {
    const asked = question({ messages: [CLARIFY], needsReply: true });
    const first = await openItems(itemsServer([asked]));
    expect(screen.getByText('Waiting for your reply')).toBeTruthy();
    expect(document.querySelector('.new')?.textContent).toBe(' · New question for you');
    await waitFor(async () => expect(await readSeen(USER.id)).toContain('clarify:msg_000001'));
    first.view.unmount();

    // The popup reopens where it was closed: on My items.
    await renderPopup(itemsServer([asked]));
    await screen.findByText('Which unit are you on?');
    expect(document.querySelectorAll('.new')).toHaveLength(0);
  });

  it('replies to a clarifying question, and the box goes once the reply is in', async () => {
    const asked = question({ messages: [CLARIFY], needsReply: true });
    const server = itemsServer([asked], {
      'POST /v1/questions/question_01/reply': (body) =>
        json(200, {
          ...asked,
          needsReply: false,
          messages: [CLARIFY, { ...REPLY, text: (body as { text: string }).text }],
        }),
    });
    await openItems(server);
    fireEvent.input(screen.getByLabelText('Your reply'), { target: { value: 'Cardiac ICU, nights' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    await screen.findByText('Cardiac ICU, nights');
    expect(server.routes('POST /v1/questions/question_01/reply')[0]?.body).toEqual({ text: 'Cardiac ICU, nights' });
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('Reply sent.');
  });

  it('checks a reply for identifiers and sends only hashes after "Send anyway"', async () => {
    const asked = question({ messages: [CLARIFY], needsReply: true });
    const server = itemsServer([asked], {
      'POST /v1/questions/question_01/reply': () => json(200, { ...asked, needsReply: false }),
    });
    await openItems(server);
    fireEvent.input(screen.getByLabelText('Your reply'), { target: { value: 'Same as for John' } });
    await screen.findByText(/Looks like a name/);
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    await screen.findByText(/This still looks like: a name\./);
    expect(server.routes('POST /v1/questions/question_01/reply')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Send with the highlighted text' }));
    await waitFor(() => expect(server.routes('POST /v1/questions/question_01/reply')).toHaveLength(1));
    expect(server.routes('POST /v1/questions/question_01/reply')[0]?.body).toEqual({
      text: 'Same as for John',
      confirmedSpans: [{ kind: 'name', sha256: await sha256Hex('John') }],
    });
  });

  it('keeps a reply being written when the popup closes', async () => {
    const asked = question({ messages: [CLARIFY], needsReply: true });
    const first = await openItems(itemsServer([asked]));
    fireEvent.input(screen.getByLabelText('Your reply'), { target: { value: 'Cardiac' } });
    await waitFor(async () => expect((await openDrafts()).replies).toEqual({ question_01: 'Cardiac' }));
    first.view.unmount();

    // The popup reopens where it was closed: on My items.
    await renderPopup(itemsServer([asked]));
    const field = await screen.findByLabelText('Your reply');
    await waitFor(() => expect(field).toHaveProperty('value', 'Cardiac'));
  });

  it('keeps the reply and says why when the API refuses it', async () => {
    const asked = question({ messages: [CLARIFY], needsReply: true });
    const server = itemsServer([asked], {
      'POST /v1/questions/question_01/reply': () =>
        json(409, { error: { code: 'conflict', message: 'No clarifying question is waiting for your reply' } }),
    });
    await openItems(server);
    fireEvent.input(screen.getByLabelText('Your reply'), { target: { value: 'ICU' } });
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('No clarifying question is waiting for your reply'),
    );
    expect(screen.getByLabelText('Your reply')).toHaveProperty('value', 'ICU');
  });

  it('says "This helped" and consents to share, once answered', async () => {
    const answered = question({ status: 'answered', answers: [ANSWER] });
    const server = itemsServer([answered], {
      'POST /v1/questions/question_01/helpful': (body) =>
        json(200, { ...answered, helpful: (body as { helpful: boolean }).helpful }),
      'POST /v1/questions/question_01/consent': () =>
        json(200, {
          question: { ...answered, helpful: true, shareConsent: true },
          publication: { published: false, waitingFor: ['mentor_shareable'], identifiersFound: false },
        }),
    });
    await openItems(server);
    const helped = screen.getByRole('button', { name: 'This helped' });
    expect(helped.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(helped);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'This helped' }).getAttribute('aria-pressed')).toBe('true'),
    );
    expect(server.routes('POST /v1/questions/question_01/helpful')[0]?.body).toEqual({ helpful: true });

    const share = screen.getByRole('button', { name: 'Share this answer' });
    expect(share.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(share.getAttribute('aria-describedby') as string)?.textContent).toMatch(
      /de-identified/,
    );
    fireEvent.click(share);
    await screen.findByText(/once your mentor agrees too/);
    expect(server.routes('POST /v1/questions/question_01/consent')[0]?.body).toEqual({ consent: true });
    expect(screen.queryByRole('button', { name: 'Share this answer' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Stop sharing' })).toBeTruthy();
  });

  it('offers neither before an answer, and never sharing for "need to talk"', async () => {
    await openItems(
      itemsServer([
        question(),
        question({
          id: 'question_02',
          kind: 'need_to_talk',
          text: 'Rough night',
          topicId: null,
          status: 'answered',
          answers: [{ ...ANSWER, id: 'answer_0002', text: 'I can call you at 4pm.' }],
        }),
      ]),
    );
    const talk = screen.getByText('Rough night').closest('li') as HTMLElement;
    expect(within(talk).getByText('Need to talk')).toBeTruthy();
    expect(within(talk).getByRole('button', { name: 'This helped' })).toBeTruthy();
    expect(within(talk).queryByRole('button', { name: 'Share this answer' })).toBeNull();
    const open = screen.getByText('Where is the sliding-scale order set?').closest('li') as HTMLElement;
    expect(within(open).queryByRole('button', { name: 'This helped' })).toBeNull();
    expect(within(open).queryByRole('button', { name: 'Share this answer' })).toBeNull();
  });
});

describe('need to talk', () => {
  const created = (body: { clientId: string; text?: string }) =>
    json(201, {
      question: question({
        id: 'question_09',
        clientId: body.clientId,
        kind: 'need_to_talk',
        text: body.text ?? '',
        topicId: null,
      }),
      support: { employeeAssistance: 'EAP: 0800 555 0100', crisisContacts: 'Crisis line: 0800 555 0199' },
    });

  it('is a quiet entry on Home that shows the support contacts at once', async () => {
    const server = fakeServer({ 'POST /v1/need-to-talk': (b) => created(b as never) });
    await renderPopup(server);
    fireEvent.click(screen.getByRole('button', { name: 'Need to talk' }));
    await screen.findByRole('heading', { name: 'Support you can reach now' });
    await screen.findByText(SETTINGS.employeeAssistance);
    expect(screen.getByText(SETTINGS.crisisContacts)).toBeTruthy();
    expect(screen.getByText(/call your local emergency number/)).toBeTruthy();
    expect(server.routes('POST /v1/need-to-talk')).toHaveLength(0);
  });

  it('sends the optional note, then thanks them with the contacts still shown', async () => {
    const server = fakeServer({ 'POST /v1/need-to-talk': (b) => created(b as never) });
    await renderPopup(server);
    fireEvent.click(screen.getByRole('button', { name: 'Need to talk' }));
    const note = await screen.findByLabelText('Anything you would like them to know (optional)');
    fireEvent.input(note, { target: { value: 'A hard resuscitation today' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask a peer supporter to get in touch' }));
    await screen.findByText(/Thank you for reaching out/);
    const [sent] = server.routes('POST /v1/need-to-talk');
    expect(sent?.body).toEqual({ clientId: expect.any(String), text: 'A hard resuscitation today' });
    expect(screen.getByText(/peer supporter will get in touch with you as soon as they can/)).toBeTruthy();
    expect(screen.getByText(SETTINGS.employeeAssistance)).toBeTruthy();
    expect(screen.getByText(SETTINGS.crisisContacts)).toBeTruthy();
    expect((await openDrafts()).talk).toBeUndefined();
    expect(await outboxItem.getValue()).toEqual([]);
  });

  it('needs no explanation to send', async () => {
    const server = fakeServer({ 'POST /v1/need-to-talk': (b) => created(b as never) });
    await renderPopup(server);
    fireEvent.click(screen.getByRole('button', { name: 'Need to talk' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ask a peer supporter to get in touch' }));
    await screen.findByText(/Thank you for reaching out/);
    expect(Object.keys(server.routes('POST /v1/need-to-talk')[0]?.body as object)).toEqual(['clientId']);
  });

  it('offline, keeps the request safe in the outbox like a flag, says so, and still shows the last known contacts', async () => {
    const online = fakeServer();
    const first = await renderPopup(online);
    fireEvent.click(screen.getByRole('button', { name: 'Need to talk' }));
    await screen.findByText(SETTINGS.crisisContacts);
    first.view.unmount();

    const offline = fakeServer();
    offline.fetchFn.mockImplementation(async () => {
      throw new TypeError('Failed to fetch');
    });
    await renderPopup(offline);
    // The popup reopens where it was closed.
    await screen.findByText(SETTINGS.crisisContacts);
    fireEvent.click(screen.getByRole('button', { name: 'Ask a peer supporter to get in touch' }));
    await screen.findByText(/Your request is saved on this device and goes to peer support/);
    expect(screen.getByText(SETTINGS.crisisContacts)).toBeTruthy();
    expect((await outboxItem.getValue()).map((i) => i.kind)).toEqual(['talk']);
    expect(screen.queryByText(/will get in touch with you as soon as they can/)).toBeNull();
  });

  it('is not offered to someone who cannot ask (an admin only)', async () => {
    await sessionItem.setValue({ ...SESSION, user: { ...USER, roles: ['admin'] } });
    await renderPopup(fakeServer());
    await screen.findByRole('button', { name: 'My items' });
    expect(screen.queryByRole('button', { name: 'Need to talk' })).toBeNull();
  });
});
