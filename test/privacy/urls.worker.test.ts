// The server refuses every screen the de-identifier would change, and accepts what it produces,
// including words from the admins' screens. All names and identifiers are synthetic.
import { beforeAll, describe, expect, it } from 'vitest';
import { deidentifyUrl, screenAllowlist } from '../../shared/context';
import { ErrorBody } from '../../shared/errors';
import { SystemList } from '../../shared/systems';
import {
  api,
  enroll,
  enrollAdmin,
  expectError,
  flagBody,
  questionBody,
  randomId,
  seedCatalog,
} from '../worker/helpers';
import { EHR_CASES, SHAPE_CASES } from './urls.fixtures';

type Session = Awaited<ReturnType<typeof enroll>>;

/** What a modified client could send: the tab's path as it is, and the same path lower-cased. */
function rawScreens(url: string) {
  const u = new URL(url);
  const raw = `${u.pathname}${u.search}${u.hash}`;
  return [raw, raw.toLowerCase()].map((path) => ({ host: u.host, path }));
}

/** Refused in the one error shape: 422 when the path holds an identifier, 400 when it is no path at all. */
async function expectRefused(res: Response, label: string) {
  const text = await res.text();
  expect([400, 422], `${label}: ${res.status} ${text}`).toContain(res.status);
  const body = ErrorBody.parse(JSON.parse(text));
  expect(body.error.code).toBe(res.status === 422 ? 'identifiers_found' : 'validation_failed');
  expect(text).not.toMatch(/\n\s+at |\.ts:\d+/);
}

const ATTACKS = [...EHR_CASES, ...SHAPE_CASES].filter((c) =>
  rawScreens(c.url).some((s) => s.path !== deidentifyUrl(c.url).path),
);

describe('the screen re-check on flags and questions', () => {
  let clinician: Session;
  let topicId: string;

  beforeAll(async () => {
    clinician = await enroll(['clinician']);
    ({ topicId } = await seedCatalog());
  });

  it('has an attack for nearly every fixture', () => {
    expect(ATTACKS.length).toBeGreaterThanOrEqual(85);
  });

  for (const c of ATTACKS) {
    it(`${c.ehr}: ${c.name}`, async () => {
      const clean = deidentifyUrl(c.url);
      for (const screen of rawScreens(c.url)) {
        if (screen.path === clean.path) continue;
        const flag = await api('/v1/flags', { token: clinician.token, body: flagBody({ screen }) });
        await expectRefused(flag, `flag ${screen.path}`);
        const question = await api('/v1/questions', {
          token: clinician.token,
          body: questionBody(topicId, { screen }),
        });
        await expectRefused(question, `question ${screen.path}`);
      }
      const accepted = await api('/v1/flags', { token: clinician.token, body: flagBody({ screen: clean }) });
      expect(accepted.status, `${clean.path}: ${await accepted.clone().text()}`).toBe(201);
      const asked = await api('/v1/questions', {
        token: clinician.token,
        body: questionBody(topicId, { screen: clean }),
      });
      expect(asked.status, clean.path).toBe(201);
    });
  }
});

describe('admins’ screens agree between the extension and the server', () => {
  let admin: Session;
  let clinician: Session;
  const host = `ehr-${randomId().slice(0, 8)}.example.org`;
  const url = `https://${host}/EMR/Kanban/4829113?activity=ZoneBoard&mrn=00482913`;

  beforeAll(async () => {
    admin = await enrollAdmin();
    clinician = await enroll(['clinician']);
    const created = await api('/v1/admin/systems', { token: admin.token, body: { host, name: 'Clinic EMR' } });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    for (const pathTemplate of ['/emr/kanban/:id', '/emr/kanban?activity=zoneboard']) {
      const res = await api(`/v1/admin/systems/${id}/screens`, {
        token: admin.token,
        body: { pathTemplate, name: 'Kanban' },
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  });

  it('accepts a flag the extension de-identified with the catalog’s words, and only on that host', async () => {
    const { systems } = SystemList.parse(await (await api('/v1/systems', { token: clinician.token })).json());
    const screen = deidentifyUrl(url, screenAllowlist(systems, host));
    expect(screen).toEqual({ host, path: '/emr/kanban/:id?activity=zoneboard' });
    const res = await api('/v1/flags', { token: clinician.token, body: flagBody({ screen }) });
    expect(res.status, await res.clone().text()).toBe(201);

    const elsewhere = { host: `other-${host}`, path: screen.path };
    const refused = await api('/v1/flags', { token: clinician.token, body: flagBody({ screen: elsewhere }) });
    const body = await expectError(refused, 422, 'identifiers_found');
    expect(body.error.details).toMatchObject({ field: 'screen', expected: { path: '/emr/:id/:id' } });
  });

  it('still accepts those words after the system is switched off (a cached catalog may hold them)', async () => {
    const other = `ehr-${randomId().slice(0, 8)}.example.org`;
    const created = await api('/v1/admin/systems', { token: admin.token, body: { host: other, name: 'Old EMR' } });
    const { id } = (await created.json()) as { id: string };
    await api(`/v1/admin/systems/${id}/screens`, {
      token: admin.token,
      body: { pathTemplate: '/emr/lanes', name: 'Lanes' },
    });
    await api(`/v1/admin/systems/${id}`, { method: 'PATCH', token: admin.token, body: { active: false } });
    const res = await api('/v1/flags', {
      token: clinician.token,
      body: flagBody({ screen: { host: other, path: '/emr/lanes' } }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
  });

  it('refuses templates that would let a name or an id pass, saying what Curbside would keep', async () => {
    const created = await api('/v1/admin/systems', {
      token: admin.token,
      body: { host: `ehr-${randomId().slice(0, 8)}.example.org`, name: 'Templates' },
    });
    const { id } = (await created.json()) as { id: string };
    const cases: [string, string][] = [
      ['/patients/okafor/chart', '/patients/:id/chart'],
      ['/emr/ward', '/emr/:id'],
      ['/emr/e1234567', '/emr/:id'],
      ['/emr/page-ward', '/emr/:id'],
    ];
    for (const [pathTemplate, expected] of cases) {
      const res = await api(`/v1/admin/systems/${id}/screens`, {
        token: admin.token,
        body: { pathTemplate, name: 'Bad' },
      });
      const body = await expectError(res, 400, 'validation_failed');
      expect(body.error.message, pathTemplate).toContain(expected);
    }
  });
});

describe('the page title is free text: the identifier check runs on it', () => {
  const TITLE = 'Okafor, Ada (MRN 00482913) DOB 03/14/1958 - Chart Review - Hyperdrive';

  it('refuses a flag or a question whose page title holds identifiers, and accepts a clean one', async () => {
    const clinician = await enroll(['clinician']);
    const { topicId } = await seedCatalog();
    const bodies = [
      ['/v1/flags', (pageTitle: string) => flagBody({ pageTitle })],
      ['/v1/questions', (pageTitle: string) => questionBody(topicId, { pageTitle })],
    ] as const;
    for (const [path, make] of bodies) {
      const refused = await api(path, { token: clinician.token, body: make(TITLE) });
      const body = await expectError(refused, 422, 'identifiers_found');
      const spans = (body.error.details as { spans: { field: string; kind: string }[] }).spans;
      expect(
        spans.every((s) => s.field === 'pageTitle'),
        path,
      ).toBe(true);
      expect(
        spans.map((s) => s.kind),
        path,
      ).toEqual(expect.arrayContaining(['mrn', 'date']));
      const accepted = await api(path, { token: clinician.token, body: make('Chart Review - Hyperdrive') });
      expect(accepted.status, path).toBe(201);
    }
  });
});
