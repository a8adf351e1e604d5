// The detector against identifiers written the many ways clinicians and the world's forms write them
// (test/shared/phi-formats.cases.ts, invented per kind from how each is really written, not from any
// corpus), and against clean clinical text that must stay clean. A value passes when every letter and
// digit of it lies inside a span the detector returns (of any kind: redaction removes it either way).
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../shared/phi';
import { CLEAN_CASES, FORMAT_CASES } from './phi-formats.cases';

/** The text without its ⟦ ⟧ marks, and where each marked value sits in it. */
function parse(marked: string): { text: string; values: Array<[number, number]> } {
  let text = '';
  let last = 0;
  const values: Array<[number, number]> = [];
  for (const m of marked.matchAll(/⟦([^⟧]*)⟧/g)) {
    text += marked.slice(last, m.index);
    values.push([text.length, text.length + (m[1] ?? '').length]);
    text += m[1] ?? '';
    last = m.index + m[0].length;
  }
  return { text: text + marked.slice(last), values };
}

function uncovered(text: string, [a, b]: [number, number], spans: ReturnType<typeof findIdentifiers>): string {
  let left = '';
  for (let i = a; i < b; i++) {
    if (/[A-Za-z0-9]/.test(text[i] ?? '') && !spans.some((s) => s.start <= i && i < s.end)) left += text[i];
  }
  return left;
}

describe('identifiers in the formats clinicians and forms use', () => {
  for (const [kind, cases] of Object.entries(FORMAT_CASES)) {
    it(`finds every ${kind} (${cases.length} layouts)`, () => {
      for (const marked of cases) {
        const { text, values } = parse(marked);
        expect(values.length, marked).toBeGreaterThan(0);
        const spans = findIdentifiers(text);
        for (const v of values) {
          const shown = spans.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`).join(' | ');
          expect(uncovered(text, v, spans), `${text.slice(...v)} in ${JSON.stringify(text)} → ${shown}`).toBe('');
        }
      }
    });
  }
});

describe('clean clinical text stays clean', () => {
  it('flags nothing in notes of vitals, doses, codes, rooms, times, eponyms and products', () => {
    const flagged = CLEAN_CASES.map((t) => [t, findIdentifiers(t)] as const)
      .filter(([, spans]) => spans.length > 0)
      .map(([t, spans]) => `${t} → ${spans.map((s) => `${s.kind}:${t.slice(s.start, s.end)}`).join(' | ')}`);
    expect(flagged).toEqual([]);
  });
});
