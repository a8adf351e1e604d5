// corpus2 (test/privacy/corpus2/): an evaluation corpus for the identifier detector that nobody tunes on.
// These tests check the generator (deterministic, large, annotated exactly by the sample's rules) and
// hold the detector above regression floors measured on it.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { findIdentifiers, IDENTIFIER_KINDS } from '../../shared/phi.ts';
import {
  type Corpus2Record,
  corpus2,
  generateCorpus2,
  generateNotes,
  KINDS,
  type Kind,
  recordId,
  toJsonl,
} from './corpus2/index.ts';
import { PARTICLES } from './corpus2/names-hand.ts';
import { scoreCorpus } from './corpus2/score.ts';

const records = corpus2();
const withIds = records.filter((r) => r.spans.length > 0);
const clean = records.filter((r) => r.spans.length === 0);
const spanText = (r: Corpus2Record, s: { start: number; end: number }) => r.text.slice(s.start, s.end);
const spansOf = (kind: Kind) =>
  withIds.flatMap((r) => r.spans.filter((s) => s.kind === kind).map((s) => spanText(r, s)));

describe('corpus2: the generator', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is the same on every run and uses only its seeded generator', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('corpus2 must not use Math.random');
    });
    expect(toJsonl(generateCorpus2())).toBe(toJsonl(records));
    // A different seed gives a different corpus: the seed is really used.
    expect(toJsonl(generateCorpus2(200, 'another seed'))).not.toBe(toJsonl(records.slice(0, 200)));
  });

  it('has at least 3,000 notes with unique ids, at least 40% of them identifier-free', () => {
    expect(records.length).toBeGreaterThanOrEqual(3000);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(clean.length / records.length).toBeGreaterThanOrEqual(0.4);
  });

  it('marks every span at offsets whose text is exactly the value it planted', () => {
    const notes = generateNotes();
    const problems: string[] = [];
    notes.forEach((segs, i) => {
      const rec = records[i] as Corpus2Record;
      expect(rec.id).toBe(recordId(i));
      expect(rec.text).toBe(segs.map((s) => s.text).join(''));
      const planted = segs.filter((s) => s.kind && s.text.length);
      if (planted.length !== rec.spans.length)
        problems.push(`${rec.id}: ${planted.length} values, ${rec.spans.length} spans`);
      rec.spans.forEach((s, j) => {
        const seg = planted[j];
        if (!seg || spanText(rec, s) !== seg.text || s.kind !== seg.kind)
          problems.push(`${rec.id}: span ${j} is ${JSON.stringify(spanText(rec, s))}, planted ${JSON.stringify(seg)}`);
      });
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('draws spans by the sample rules: sorted, disjoint, value only, on word boundaries', () => {
    const problems: string[] = [];
    for (const r of withIds) {
      let previousEnd = 0;
      for (const s of r.spans) {
        const value = spanText(r, s);
        if (s.start < previousEnd || s.end <= s.start || s.end > r.text.length) problems.push(`${r.id}: bad offsets`);
        previousEnd = s.end;
        const opens = s.kind === 'phone' || s.kind === 'fax' ? /^[\p{L}\p{N}+(]/u : /^[\p{L}\p{N}]/u;
        // Thai and other scripts can end a name with a combining mark.
        const closes = s.kind === 'age' ? /([\p{L}\p{N}]|y\.o\.)$/iu : /[\p{L}\p{N}\p{M}]$/u;
        if (!opens.test(value) || !closes.test(value)) problems.push(`${r.id}: punctuation at an edge of "${value}"`);
        if (/\n/.test(value)) problems.push(`${r.id}: line break inside "${value}"`);
        if (/[\p{L}\p{N}\p{M}]/u.test(r.text[s.start - 1] ?? ' ') || /[\p{L}\p{N}\p{M}]/u.test(r.text[s.end] ?? ' '))
          problems.push(`${r.id}: "${value}" cut inside a word`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it("has every kind the detector reports at least 50 times, under the detector's own kind names", () => {
    expect([...KINDS].sort()).toEqual([...IDENTIFIER_KINDS].sort());
    for (const kind of KINDS) expect(spansOf(kind).length, kind).toBeGreaterThanOrEqual(50);
  });

  it('writes names, dates and numbers in the styles the issue lists', () => {
    const names = spansOf('name');
    const count = (values: string[], re: RegExp) => values.filter((x) => re.test(x)).length;
    expect(count(names, /^\p{Ll}+ \p{Ll}+$/u), 'full names in lower case').toBeGreaterThan(20);
    expect(count(names, /^\p{Lu}{2,},\p{Lu}{2,}/u), 'census SURNAME,FIRST').toBeGreaterThan(20);
    expect(count(names, /^\p{Lu}\p{Ll}+, \p{Lu}\p{Ll}+$/u), 'Surname, First').toBeGreaterThan(10);
    expect(count(names, /[^\p{Script=Latin}\s,.'’-]/u), 'names in other scripts or with look-alikes').toBeGreaterThan(
      5,
    );
    const afterPreposition = withIds.filter((r) =>
      r.spans.some((s) => s.kind === 'name' && /\b(for|with|from|to|about|by|per)\s$/i.test(r.text.slice(0, s.start))),
    );
    expect(afterPreposition.length, 'names after prepositions').toBeGreaterThan(40);
    const compactDates = withIds.filter((r) =>
      r.spans.some(
        (s) =>
          s.kind === 'date' && /^\d{6}$/.test(spanText(r, s)) && /(dob|adm\w*)\W*$/i.test(r.text.slice(0, s.start)),
      ),
    );
    expect(compactDates.length, '6-digit dates after DOB/admit').toBeGreaterThan(10);
    expect(count(spansOf('phone'), /^(\+|0{2}|011)(?!1\b)/), 'international phones').toBeGreaterThan(30);
    expect(count(spansOf('address'), /County|Co\b|Parish/i), 'counties').toBeGreaterThan(15);
    const disguised = withIds.filter((r) =>
      r.spans.some((s) =>
        /[\uFF10-\uFF19\uFF20\u200b\u200c\u00ad\u2060\u0400-\u04FF\u0370-\u03FF]/.test(spanText(r, s)),
      ),
    );
    expect(disguised.length / withIds.length, 'a small share of Unicode tricks').toBeGreaterThan(0.02);
    expect(disguised.length / withIds.length).toBeLessThan(0.15);
    const upper = records.filter((r) => r.text === r.text.toUpperCase() && /[A-Z]{4}/.test(r.text)).length;
    expect(upper / records.length, 'ALL CAPS notes').toBeGreaterThan(0.05);
  });

  it('fills identifier-free notes with clinical vocabulary, and never with a planted name or value', () => {
    const cleanText = clean.map((r) => r.text).join('\n');
    for (const word of ["Graves'", 'Swan-Ganz', "Parkinson's", 'Foley', 'Jackson-Pratt', 'Lovenox', 'Pyxis', 'MICU'])
      expect(cleanText, word).toContain(word);
    const words = new Set(cleanText.toLowerCase().split(/[^\p{L}\p{N}]+/u));
    const leaks = new Set<string>();
    for (const r of withIds) {
      for (const s of r.spans) {
        const value = spanText(r, s).toLowerCase();
        if (s.kind === 'name') {
          for (const token of value.split(/[^\p{L}]+/u))
            if (token.length > 1 && !PARTICLES.has(token) && words.has(token)) leaks.add(token);
        } else if (/\d{6,}/.test(value.replace(/\D/g, '')) && cleanText.includes(value)) leaks.add(value);
      }
    }
    expect([...leaks]).toEqual([]);
  });
});

describe('corpus2: the detector, never tuned on it', () => {
  // Regression floors a little below the figures measured (2026-12-07, after the detector's generalisation
  // work of issue #13: recall 0.939, precision 0.968, clean false alarms 0.043; first measured 2026-12-06 at
  // 0.929 / 0.948 / 0.056). Floors guard regressions; they are not goals (the goals are the issue's: recall
  // ≥ 0.98 and ≥ 0.95 per kind, precision ≥ 0.90, false alarms ≤ 5%).
  // Raise them when the detector improves; never lower them to let a change through.
  const FLOORS = { recall: 0.93, precision: 0.955, falseAlarmsAtMost: 0.05 };
  const KIND_FLOORS: Record<Kind, number> = {
    name: 0.86,
    date: 0.915,
    age: 0.97,
    phone: 0.91,
    fax: 0.955,
    email: 0.99,
    ssn: 0.99,
    mrn: 0.98,
    account: 0.99,
    health_plan: 0.875,
    license: 0.98,
    vehicle: 0.94,
    device: 0.98,
    url: 0.99,
    ip: 0.99,
    address: 0.74,
    zip: 0.77,
    other_id: 0.99,
  };
  const score = scoreCorpus(records, findIdentifiers);

  it('keeps span recall, character precision and clean-note false alarms above their floors', () => {
    expect(score.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(score.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(score.falseAlarms).toBeLessThanOrEqual(FLOORS.falseAlarmsAtMost);
  });

  it('keeps each kind’s recall above its floor', () => {
    for (const kind of KINDS)
      expect(score.perKind.get(kind)?.recall ?? 0, kind).toBeGreaterThanOrEqual(KIND_FLOORS[kind]);
  });
});
