import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KbEntry, KbSearchResult, ScreenTip, ScreenTipList } from '../../../shared/kb';
import { Publication } from '../../../shared/mentoring';
import { findIdentifiers } from '../../../shared/phi';
import { ProgrammeHealth } from '../../../shared/programme';
import { Question } from '../../../shared/questions';
import { api, count, enroll, expectError, seedCatalog, sha256Hex } from '../helpers';
import { act, answerBody, ask, mentor, post } from '../mentor-helpers';

const Consented = z.object({ question: Question, publication: Publication });

async function answered(questionText: string, answerText: string, opts: { host?: string; path?: string } = {}) {
  const { topicId } = await seedCatalog();
  const clinician = await enroll();
  const m = await mentor([topicId]);
  const q = await ask(clinician.token, topicId, {
    text: questionText,
    ...(opts.host ? { screen: { host: opts.host, path: opts.path ?? '/orders' } } : {}),
  });
  await act(m.token, q.id, 'claim');
  await act(m.token, q.id, 'answer', answerBody(answerText));
  return { topicId, clinician, m, q };
}

const consent = async (token: string, id: string, value = true) => {
  const res = await post(`/v1/questions/${id}/consent`, token, { consent: value });
  expect(res.status, await res.clone().text()).toBe(200);
  return Consented.parse(await res.json());
};

async function search(token: string, query: string, extra: Record<string, unknown> = {}) {
  const res = await post('/v1/kb/search', token, { query, ...extra });
  expect(res.status, `${query}: ${await res.clone().text()}`).toBe(200);
  return KbSearchResult.parse(await res.json()).results;
}

describe('publishing needs the asker’s consent AND the mentor’s shareable mark', () => {
  it('publishes only when both hold, in either order, and withdraws when either is taken back', async () => {
    const { clinician, m, q } = await answered(
      'How do I print wristbands zebrafish?',
      'Use the zebrafish printer queue.',
    );
    const kbRows = () => count('SELECT COUNT(*) AS n FROM kb_entries WHERE question_id = ?1', q.id);

    const first = await consent(clinician.token, q.id);
    expect(first.publication).toEqual({ published: false, waitingFor: ['mentor_shareable'], identifiersFound: false });
    expect(await kbRows()).toBe(0);

    const shared = await act(m.token, q.id, 'shareable', { shareable: true });
    expect(shared.publication?.published).toBe(true);
    expect(await kbRows()).toBe(1);
    expect((await search(clinician.token, 'zebrafish')).length).toBe(1);

    const withdrawn = await consent(clinician.token, q.id, false);
    expect(withdrawn.publication.published).toBe(false);
    expect(withdrawn.question.published).toBe(false);
    expect(await kbRows()).toBe(0);
    expect(await search(clinician.token, 'zebrafish')).toEqual([]);

    await consent(clinician.token, q.id, true);
    expect(await kbRows()).toBe(1);
    await act(m.token, q.id, 'shareable', { shareable: false });
    expect(await kbRows()).toBe(0);
  });

  it('publishes a de-identified copy: no asker, no mentor, the day only', async () => {
    const { clinician, m, q } = await answered('Where is the quokka order set?', 'Under favourites, quokka tab.');
    await act(m.token, q.id, 'shareable', { shareable: true });
    await consent(clinician.token, q.id);
    const [hit] = await search(clinician.token, 'quokka');
    if (!hit) throw new Error('not published');
    const entry = KbEntry.parse(await (await post(`/v1/kb/${hit.id}/open`, clinician.token)).json());
    expect(entry).toMatchObject({
      question: 'Where is the quokka order set?',
      answers: ['Under favourites, quokka tab.'],
    });
    expect(entry.publishedAt.endsWith('T00:00:00.000Z')).toBe(true);
    const raw = JSON.stringify(
      await (await api(`/v1/kb/${hit.id}/open`, { method: 'POST', token: clinician.token })).json(),
    );
    expect(raw).not.toContain(clinician.user.id);
    expect(raw).not.toContain(m.user.id);
    expect(raw).not.toContain(m.user.displayName);
  });

  it('only the answering mentor marks shareable, and only once answered', async () => {
    const { topicId } = await seedCatalog();
    const clinician = await enroll();
    const m = await mentor([topicId]);
    const other = await mentor([topicId]);
    const q = await ask(clinician.token, topicId);
    await act(m.token, q.id, 'claim');
    await expectError(await post(`/v1/queue/${q.id}/shareable`, m.token, { shareable: true }), 409, 'conflict');
    await act(m.token, q.id, 'answer', answerBody());
    await expectError(await post(`/v1/queue/${q.id}/shareable`, other.token, { shareable: true }), 409, 'conflict');
    await expectError(await post(`/v1/questions/${q.id}/consent`, other.token, { consent: true }), 404, 'not_found');
  });
});

describe('identifiers are checked again before publishing', () => {
  it('refuses to share an answer whose identifier the mentor had confirmed, and publishes nothing', async () => {
    const { topicId } = await seedCatalog();
    const clinician = await enroll();
    const m = await mentor([topicId]);
    const q = await ask(clinician.token, topicId, { text: 'Who do I page about the pump library?' });
    await act(m.token, q.id, 'claim');
    const text = 'Page Dr Jane Doe on 555-867-5309 for the pump library.';
    const spans = findIdentifiers(text);
    expect(spans.length).toBeGreaterThan(0);
    const confirmedSpans = await Promise.all(
      spans.map(async (s) => ({ kind: s.kind, sha256: await sha256Hex(text.slice(s.start, s.end)) })),
    );
    await act(m.token, q.id, 'answer', { ...answerBody(text), confirmedSpans });
    await consent(clinician.token, q.id);
    await expectError(
      await post(`/v1/queue/${q.id}/shareable`, m.token, { shareable: true }),
      422,
      'identifiers_found',
    );
    expect(await count('SELECT COUNT(*) AS n FROM kb_entries WHERE question_id = ?1', q.id)).toBe(0);
  });

  it('withdraws a published copy when a later answer fails the check', async () => {
    const { clinician, m, q } = await answered('How to find the wombat report?', 'Reports menu, wombat.');
    await act(m.token, q.id, 'shareable', { shareable: true });
    await consent(clinician.token, q.id);
    expect(await count('SELECT COUNT(*) AS n FROM kb_entries WHERE question_id = ?1', q.id)).toBe(1);
    const text = 'Or ask Dr Jane Doe on 555-867-5309.';
    const confirmedSpans = await Promise.all(
      findIdentifiers(text).map(async (s) => ({ kind: s.kind, sha256: await sha256Hex(text.slice(s.start, s.end)) })),
    );
    const res = await act(m.token, q.id, 'answer', { ...answerBody(text), confirmedSpans });
    expect(res.publication).toMatchObject({ published: false, identifiersFound: true });
    expect(await count('SELECT COUNT(*) AS n FROM kb_entries WHERE question_id = ?1', q.id)).toBe(0);
  });
});

describe('FTS search', () => {
  async function publish(questionText: string, answerText: string, opts: { host?: string; path?: string } = {}) {
    const r = await answered(questionText, answerText, opts);
    await act(r.m.token, r.q.id, 'shareable', { shareable: true });
    await consent(r.clinician.token, r.q.id);
    return r;
  }

  it('ranks matches, highlights the words, and filters by topic', async () => {
    const strong = await publish(
      'Heparin infusion capybara protocol capybara',
      'Capybara nomogram lives under Protocols.',
    );
    const weak = await publish('Discharge letters', 'The capybara template is in the letters menu.');
    const s = await enroll();
    const results = await search(s.token, 'capybara');
    expect(results.map((r) => r.id).slice(0, 2)).toHaveLength(2);
    const ids = results.map((r) => r.topicId);
    expect(ids.indexOf(strong.topicId)).toBeLessThan(ids.indexOf(weak.topicId));
    const top = results[0];
    expect(top?.title.some((seg) => seg.match && seg.text.toLowerCase() === 'capybara')).toBe(true);
    expect(top?.snippet.some((seg) => seg.match)).toBe(true);
    expect(top?.title.map((seg) => seg.text).join('')).toBe('Heparin infusion capybara protocol capybara');
    const filtered = await search(s.token, 'capybara', { topicId: weak.topicId });
    expect(filtered.map((r) => r.topicId)).toEqual([weak.topicId]);
    expect(await search(s.token, 'capybara', { limit: 1 })).toHaveLength(1);
  });

  it('matches a word being typed as a prefix', async () => {
    await publish('Where is the axolotlform?', 'Under forms.');
    const s = await enroll();
    expect((await search(s.token, 'where axolot')).length).toBeGreaterThan(0);
  });

  const hostile = [
    '"',
    '""',
    '"unbalanced quote',
    '*',
    'capybara*',
    '* OR *',
    'NEAR',
    'NEAR(capybara heparin, 2)',
    'AND',
    'OR OR OR',
    'NOT',
    '-capybara',
    'capybara AND',
    '(capybara',
    'question:capybara',
    '{question answers}: capybara',
    '^capybara',
    ':',
    '+',
    '\\',
    "'; DROP TABLE kb_entries; --",
    '[NAME] asked about capybara',
  ];
  it.each(hostile)('answers a hostile query %j with 200, never 5xx', async (query) => {
    await publish('Capybara heparin question', 'Capybara heparin answer.');
    const s = await enroll();
    const results = await search(s.token, query);
    // The user's words still search: operators are taken as plain words or dropped.
    if (/capybara/i.test(query)) expect(results.length).toBeGreaterThan(0);
    expect(await count("SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'kb_entries'")).toBe(1);
  });

  it('refuses a query that still holds identifiers, and an empty one', async () => {
    const s = await enroll();
    await expectError(
      await post('/v1/kb/search', s.token, { query: 'Jane Doe 555-867-5309' }),
      422,
      'identifiers_found',
    );
    await expectError(await post('/v1/kb/search', s.token, { query: '' }), 400, 'validation_failed');
    await expectError(await post('/v1/kb/search', s.token, { query: 'x', limit: 50 }), 400, 'validation_failed');
  });

  it('takes the query only in the body: GET is not a route', async () => {
    const s = await enroll();
    const res = await api('/v1/kb/search?query=capybara', { token: s.token });
    expect(res.status).toBe(404);
  });
});

describe('opening a published answer counts a deflection', () => {
  it('records one open per call, with no user, and 404s for unknown entries', async () => {
    const { clinician, m, q } = await answered('Lemur discharge summary?', 'Lemur tab.');
    await act(m.token, q.id, 'shareable', { shareable: true });
    await consent(clinician.token, q.id);
    const [hit] = await search(clinician.token, 'lemur');
    if (!hit) throw new Error('not published');
    const reader = await enroll();
    const lead = await enroll(['lead']);
    const deflections = async () =>
      ProgrammeHealth.parse(await (await api('/v1/programme/health', { token: lead.token })).json()).kbDeflections;
    const before = await deflections();
    expect((await post(`/v1/kb/${hit.id}/open`, reader.token)).status).toBe(200);
    expect((await post(`/v1/kb/${hit.id}/open`, reader.token)).status).toBe(200);
    expect(await count('SELECT COUNT(*) AS n FROM kb_opens WHERE kb_id = ?1', hit.id)).toBe(2);
    // Programme health counts them.
    expect(await deflections()).toBe((before ?? 0) + 2);
    const columns = await count("SELECT COUNT(*) AS n FROM pragma_table_info('kb_opens') WHERE name LIKE '%user%'");
    expect(columns).toBe(0);
    await expectError(await post('/v1/kb/abcdef123456/open', reader.token), 404, 'not_found');
  });
});

describe('answers and tips for this screen', () => {
  it('returns a system’s published answers and tips by host only', async () => {
    const host = `ehr${crypto.randomUUID().slice(0, 6)}.example.org`;
    const r = await answered('How do I sign the meerkat note?', 'Sign from the meerkat banner.', {
      host,
      path: '/notes/:id/sign',
    });
    await act(r.m.token, r.q.id, 'shareable', { shareable: true });
    await consent(r.clinician.token, r.q.id);
    const tipRes = await post('/v1/tips', r.m.token, {
      clientId: crypto.randomUUID(),
      screen: { host, path: '/orders' },
      text: 'Ctrl+Enter signs the order set.',
    });
    expect(tipRes.status).toBe(201);
    ScreenTip.parse(await tipRes.json());
    await post('/v1/tips', r.m.token, {
      clientId: crypto.randomUUID(),
      screen: { host: 'other.example.org', path: '/orders' },
      text: 'Elsewhere',
    });

    const res = await api(`/v1/kb/screen-tips?host=${host}`, { token: r.clinician.token });
    const tips = ScreenTipList.parse(await res.json()).tips;
    expect(tips.map((t) => [t.kind, t.path]).sort()).toEqual([
      ['answer', '/notes/:id/sign'],
      ['tip', '/orders'],
    ]);
    expect(tips.find((t) => t.kind === 'answer')).toMatchObject({
      title: 'How do I sign the meerkat note?',
      text: 'Sign from the meerkat banner.',
    });
    await expectError(await api('/v1/kb/screen-tips', { token: r.clinician.token }), 400, 'validation_failed');
    await expectError(
      await api('/v1/kb/screen-tips?host=NOT A HOST', { token: r.clinician.token }),
      400,
      'validation_failed',
    );
  });

  it('lets mentors only write tips, refuses identifiers in the text or the path, and deletes only their own', async () => {
    const m = await mentor([]);
    const other = await mentor([]);
    const clinician = await enroll();
    const screen = { host: 'ehr.example.org', path: '/orders' };
    await expectError(
      await post('/v1/tips', clinician.token, { clientId: crypto.randomUUID(), screen, text: 'tip' }),
      403,
      'forbidden',
    );
    await expectError(
      await post('/v1/tips', m.token, { clientId: crypto.randomUUID(), screen, text: 'Ask Jane Doe on 555-867-5309' }),
      422,
      'identifiers_found',
    );
    await expectError(
      await post('/v1/tips', m.token, {
        clientId: crypto.randomUUID(),
        screen: { host: 'ehr.example.org', path: '/patients/00482913/chart' },
        text: 'x',
      }),
      422,
      'identifiers_found',
    );
    const body = { clientId: crypto.randomUUID(), screen, text: 'F2 opens the form' };
    const tip = ScreenTip.parse(await (await post('/v1/tips', m.token, body)).json());
    // Marked as the viewer's own for its author only.
    const mineFor = async (token: string) =>
      ScreenTipList.parse(await (await api('/v1/kb/screen-tips?host=ehr.example.org', { token })).json()).tips.find(
        (t) => t.id === tip.id,
      )?.mine;
    expect(await mineFor(m.token)).toBe(true);
    expect(await mineFor(other.token)).toBe(false);
    await expectError(await api(`/v1/tips/${tip.id}`, { method: 'DELETE', token: other.token }), 404, 'not_found');
    expect((await api(`/v1/tips/${tip.id}`, { method: 'DELETE', token: m.token })).status).toBe(200);
  });

  it('makes one tip per clientId: a double click or a retry gets the same tip back', async () => {
    const m = await mentor([]);
    const other = await mentor([]);
    const body = {
      clientId: crypto.randomUUID(),
      screen: { host: 'ehr.example.org', path: '/mar' },
      text: 'Sort by time',
    };
    const [a, b] = await Promise.all([post('/v1/tips', m.token, body), post('/v1/tips', m.token, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const [first, second] = [ScreenTip.parse(await a.json()), ScreenTip.parse(await b.json())];
    expect(second.id).toBe(first.id);
    expect(await count('SELECT COUNT(*) AS n FROM tips WHERE client_id = ?1', body.clientId)).toBe(1);
    await expectError(await post('/v1/tips', m.token, { ...body, text: 'Other' }), 422, 'idempotency_mismatch');
    await expectError(await post('/v1/tips', other.token, body), 422, 'idempotency_mismatch');
  });
});
