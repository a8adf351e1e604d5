// The server's second look faces the same attacks as the browser's detector: each trick of
// identifiers.attacks.ts, sent as a real flag (and a question) to the worker on workerd + D1, is
// refused with 422, and the refused spans cover every visible character of the hidden value.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../shared/auth';
import { api, enroll, flagBody, questionBody, rows, seedCatalog } from '../worker/helpers';
import { type AttackCase, attackCases, specialCases, uncovered } from './identifiers.attacks';

interface Refusal {
  error: { code: string; details: { spans: Array<{ field: string; start: number; end: number; kind: string }> } };
}

async function expectRefused(res: Response, c: AttackCase, field: string): Promise<void> {
  const body = await res.text();
  const what = `${c.kind} / ${c.trick}: ${JSON.stringify(c.text)} → ${res.status} ${body}`;
  expect(res.status, what).toBe(422);
  const refusal = JSON.parse(body) as Refusal;
  expect(refusal.error.code, what).toBe('identifiers_found');
  const spans = refusal.error.details.spans.filter((s) => s.field === field);
  expect(uncovered(c, spans), what).toBe('');
}

describe('the server refuses identifiers hidden by Unicode, spacing and markup tricks', () => {
  let s: Session;
  let topicId: string;
  const cases = [...attackCases(), ...specialCases()];

  beforeAll(async () => {
    s = await enroll(['clinician']);
    ({ topicId } = await seedCatalog());
  });

  for (const trick of [...new Set(cases.map((c) => c.trick))]) {
    it(`refuses a flag whose text hides identifiers with ${trick}`, async () => {
      for (const c of cases.filter((x) => x.trick === trick)) {
        const res = await api('/v1/flags', { token: s.token, body: flagBody({ text: c.text }) });
        await expectRefused(res, c, 'text');
      }
    });
  }

  it('refuses the same tricks in a question, and stores none of the texts', async () => {
    const sample = cases.filter((_, i) => i % 7 === 0);
    for (const c of sample) {
      const res = await api('/v1/questions', { token: s.token, body: questionBody(topicId, { text: c.text }) });
      await expectRefused(res, c, 'text');
    }
    const texts = JSON.stringify(cases.map((c) => c.text));
    for (const table of ['flags', 'questions']) {
      const stored = await rows<{ n: number }>(
        `SELECT count(*) AS n FROM ${table} WHERE text IN (SELECT value FROM json_each(?1))`,
        texts,
      );
      expect(stored[0]?.n, table).toBe(0);
    }
  });
});
