import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionItem } from '../../../extension/lib/storage';
import { json, mockManifest, SESSION, USER } from '../helpers';
import { fakeServer, renderPopup } from './fixtures';

const MENTOR = { ...SESSION, user: { ...USER, roles: ['clinician' as const, 'mentor' as const] } };
const tip = (id: string, text: string, mine: boolean, path = '/patients/:id/orders') => ({
  id,
  kind: 'tip' as const,
  path,
  title: null,
  text,
  createdAt: '2026-01-04T10:00:00.000Z',
  mine,
});

function server(tips = [tip('tip_000001', 'F2 opens the order set.', true), tip('tip_000002', 'Not mine.', false)]) {
  let list = tips;
  return fakeServer({
    'GET /v1/kb/screen-tips': () => json(200, { tips: list }),
    'POST /v1/tips': (body) => {
      const created = tip('tip_000003', (body as { text: string }).text, true);
      list = [...list, created];
      return json(201, created);
    },
    'DELETE /v1/tips/*': (_b, url) => {
      list = list.filter((t) => !url.pathname.endsWith(t.id));
      return json(200, { ok: true });
    },
  });
}

const editor = () => within(screen.getByRole('region', { name: 'Your tips for this screen' }));

beforeEach(async () => {
  fakeBrowser.reset();
  mockManifest(fakeBrowser);
});
afterEach(cleanup);

describe('the tips editor', () => {
  it('is for mentors only', async () => {
    await sessionItem.setValue(SESSION);
    await renderPopup(server());
    await screen.findByRole('heading', { name: 'Others asked this here' });
    expect(screen.queryByRole('heading', { name: 'Your tips for this screen' })).toBeNull();
  });

  it("lists the mentor's own tips for this screen, and removes one", async () => {
    await sessionItem.setValue(MENTOR);
    const s = server();
    await renderPopup(s);
    await screen.findByRole('heading', { name: 'Your tips for this screen' });
    await waitFor(() => expect(editor().getByText('F2 opens the order set.')).toBeTruthy());
    expect(editor().queryByText('Not mine.')).toBeNull();
    fireEvent.click(editor().getByRole('button', { name: 'Remove tip: F2 opens the order set.' }));
    await waitFor(() => expect(editor().queryByText('F2 opens the order set.')).toBeNull());
    expect(s.routes('DELETE /v1/tips/tip_000001')).toHaveLength(1);
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('Tip removed.');
  });

  it('adds a tip for the de-identified screen once, however often it is clicked, with a clientId', async () => {
    await sessionItem.setValue(MENTOR);
    const s = server([]);
    await renderPopup(s);
    fireEvent.click(await screen.findByRole('button', { name: 'Write a tip for this screen' }));
    fireEvent.input(screen.getByLabelText('Tip'), { target: { value: 'Sort by due time with the clock icon.' } });
    const add = screen.getByRole('button', { name: 'Add tip' });
    fireEvent.click(add);
    fireEvent.click(add);
    await waitFor(() => expect(editor().getByText('Sort by due time with the clock icon.')).toBeTruthy());
    const posts = s.routes('POST /v1/tips');
    expect(new Set(posts.map((p) => (p.body as { clientId: string }).clientId)).size).toBe(1);
    expect(posts[0]?.body).toEqual({
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      screen: { host: 'ehr.example.org', path: '/patients/:id/orders' },
      text: 'Sort by due time with the clock icon.',
    });
  });

  it('warns about identifiers before anything leaves, and redacts on request', async () => {
    await sessionItem.setValue(MENTOR);
    const s = server([]);
    await renderPopup(s);
    fireEvent.click(await screen.findByRole('button', { name: 'Write a tip for this screen' }));
    fireEvent.input(screen.getByLabelText('Tip'), { target: { value: 'Ask John about it' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tip' }));
    await waitFor(() => expect(document.querySelector('.confirm')).not.toBeNull());
    expect(s.routes('POST /v1/tips')).toHaveLength(0);
  });
});
