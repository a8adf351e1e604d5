// The detector against text written to slip past it: Unicode look-alikes, invisible characters,
// other digit scripts, odd separators, spacing, case and markup games, on every kind of identifier.
// A case passes when every letter or digit of the hidden value lies inside a span the detector
// returns, so redaction in the browser removes all of it (spans are offsets in the text as typed).
import { describe, expect, it } from 'vitest';
import { findIdentifiers, redactIdentifiers } from '../../shared/phi';
import { type AttackCase, attackCases, specialCases, uncovered } from './identifiers.attacks';

function check(c: AttackCase): void {
  const spans = findIdentifiers(c.text);
  expect(uncovered(c, spans), `${c.kind} / ${c.trick}: ${JSON.stringify(c.text)} → ${JSON.stringify(spans)}`).toBe('');
}

describe('identifier bypasses: every Unicode trick on every kind', () => {
  const cases = attackCases();
  const tricks = [...new Set(cases.map((c) => c.trick))];
  it('has a case for each trick and kind', () => {
    expect(tricks.length).toBeGreaterThanOrEqual(18);
    expect(cases.length).toBeGreaterThan(250);
  });
  for (const trick of tricks) {
    it(`finds identifiers hidden with ${trick}`, () => {
      for (const c of cases.filter((x) => x.trick === trick)) check(c);
    });
  }
});

describe('identifier bypasses: one kind at a time', () => {
  for (const c of specialCases()) {
    it(`${c.kind}: ${c.trick}`, () => check(c));
  }
});

describe('spans map back to the text as typed', () => {
  it('covers invisible characters inside a value, so redaction cuts them with it', () => {
    const text = 'wrong chart: MRN 004\u200b829\u00ad13 in bed 4';
    expect(redactIdentifiers(text)).toBe('wrong chart: MRN [MRN] in bed 4');
  });
  it('cuts full-width and surrogate-pair characters whole', () => {
    expect(redactIdentifiers('MRN １２３４５６７８ on the label')).toBe('MRN [MRN] on the label');
    const bold = 'MRN 𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖 on the label';
    expect(redactIdentifiers(bold)).toBe('MRN [MRN] on the label');
  });
  it('keeps offsets right after characters that normalise to several (ligatures, ½)', () => {
    const text = 'ﬁle note ½ done, call Mrs Okafor back';
    const [span] = findIdentifiers(text);
    expect(span && text.slice(span.start, span.end)).toBe('Okafor');
  });
  it('leaves clean text with accents, symbols and other scripts alone', () => {
    for (const t of [
      'Café meeting about the Pyxis override — señor Parkinson’s clinic moved to 4 West',
      'pain 7／10, BP 150／90, K 3.2, INR 2.4 — “strength” 4/5 bilaterally',
      'the ﬁrst dose was ½ tab at 0700; GCS 14; rm 512B',
      'Привет, note in Russian: пациент стабилен',
    ]) {
      expect(findIdentifiers(t), t).toEqual([]);
    }
  });
});
