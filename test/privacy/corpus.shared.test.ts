// Checks the independent evaluation corpus itself (test/privacy/corpus/), not the detector: it is
// deterministic, large enough, annotated by the sample's rules, and its two splits share no names.

import { afterEach, describe, expect, it, vi } from 'vitest';
import { type CorpusRecord, corpus, generateCorpus, KINDS, type Kind, SPLITS, toJsonl } from './corpus/index.ts';
import { namePool, nameTokens } from './corpus/names.ts';

const records = { tune: corpus('tune'), heldout: corpus('heldout') };
const both = [...records.tune, ...records.heldout];

/** Labels that must stay outside a span (checked on every kind but e-mail and URL, whose text is free). */
const LABEL_WORDS =
  /\b(mrn|mr#|dob|d\.o\.b|ssn|ss#|fin|csn|har|acct|account|vin|plate|serial|s\/n|sn|fax|ph|tel|cell|email|zip|member|dl|passport|accession|medicaid|mbi|age|aged|born|adm|admitted|rx)\b/i;

describe('independent identifier corpus', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is the same on every run and never uses Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('the corpus must only use its seeded PRNG');
    });
    for (const split of SPLITS) {
      expect(toJsonl(generateCorpus({ split }))).toBe(toJsonl(records[split]));
    }
  });

  it('gives the two splits different notes: only a few short clean notes repeat', () => {
    const tuneTexts = new Set(records.tune.map((r) => r.text));
    const shared = records.heldout.filter((r) => tuneTexts.has(r.text));
    expect(shared.filter((r) => r.spans.length > 0)).toEqual([]);
    expect(shared.length / records.heldout.length).toBeLessThan(0.03);
  });

  it('has at least 2,000 notes, each split over 1,000, with unique ids', () => {
    expect(both.length).toBeGreaterThanOrEqual(2000);
    for (const split of SPLITS) expect(records[split].length).toBeGreaterThanOrEqual(1000);
    expect(new Set(both.map((r) => r.id)).size).toBe(both.length);
  });

  it('keeps at least 40% of each split free of identifiers', () => {
    for (const split of SPLITS) {
      const clean = records[split].filter((r) => r.spans.length === 0).length;
      expect(clean / records[split].length, split).toBeGreaterThanOrEqual(0.4);
    }
  });

  it('has every Safe Harbor kind in both splits, at least 30 spans each', () => {
    for (const split of SPLITS) {
      const counts = new Map<Kind, number>();
      for (const r of records[split]) for (const s of r.spans) counts.set(s.kind, (counts.get(s.kind) ?? 0) + 1);
      for (const kind of KINDS) expect(counts.get(kind) ?? 0, `${split} ${kind}`).toBeGreaterThanOrEqual(30);
    }
  });

  it('draws spans by the sample rules: sorted, disjoint, value only, on word boundaries', () => {
    const problems: string[] = [];
    const flag = (r: CorpusRecord, why: string) => problems.push(`${r.id}: ${why} in ${JSON.stringify(r.text)}`);
    for (const r of both) {
      let previousEnd = 0;
      for (const s of r.spans) {
        const value = r.text.slice(s.start, s.end);
        if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.end <= s.start || s.end > r.text.length)
          flag(r, 'bad offsets');
        if (!(KINDS as readonly string[]).includes(s.kind)) flag(r, `unknown kind ${s.kind}`);
        if (s.start < previousEnd) flag(r, 'overlapping or unsorted spans');
        previousEnd = s.end;
        // A phone may open with "+" or "(" (the sample's "(503) 555-0142"), an age may end in "y.o.".
        const opens = s.kind === 'phone' || s.kind === 'fax' ? /^[\p{L}\p{N}+(]/u : /^[\p{L}\p{N}]/u;
        const closes = s.kind === 'age' ? /([\p{L}\p{N}]|y\.o\.)$/iu : /[\p{L}\p{N}]$/u;
        if (!opens.test(value) || !closes.test(value)) flag(r, `punctuation at an edge of "${value}"`);
        if (/[\n\t]/.test(value)) flag(r, `line break inside "${value}"`);
        if (/[\p{L}\p{N}]/u.test(r.text[s.start - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(r.text[s.end] ?? ' '))
          flag(r, `"${value}" cut inside a word`);
        // An age's unit follows its number ("99 years of age"); any other label stays outside.
        if (s.kind === 'age' ? !/^\d/.test(value) : s.kind !== 'email' && s.kind !== 'url' && LABEL_WORDS.test(value))
          flag(r, `label inside "${value}"`);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('survives a JSONL round trip in the sample format', () => {
    const lines = toJsonl(records.tune).trimEnd().split('\n');
    expect(lines).toHaveLength(records.tune.length);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(Object.keys(first).sort()).toEqual(['id', 'spans', 'text']);
    expect(lines.map((l) => JSON.parse(l))).toEqual(records.tune);
  });

  it('uses disjoint name pools: no held-out name token is ever a tune name token', () => {
    const tokensOf = (pool: Set<string>) => new Set([...pool].flatMap(nameTokens));
    const tunePool = tokensOf(namePool('tune'));
    const heldoutPool = tokensOf(namePool('heldout'));
    expect(tunePool.size).toBeGreaterThan(2000);
    expect(heldoutPool.size).toBeGreaterThan(1000);
    expect([...heldoutPool].filter((t) => tunePool.has(t))).toEqual([]);
    // and the notes keep to their own pool
    const planted = (split: 'tune' | 'heldout') =>
      records[split].flatMap((r) =>
        r.spans.filter((s) => s.kind === 'name').flatMap((s) => nameTokens(r.text.slice(s.start, s.end))),
      );
    expect(planted('tune').filter((t) => heldoutPool.has(t))).toEqual([]);
    expect(planted('heldout').filter((t) => tunePool.has(t))).toEqual([]);
    expect(planted('heldout').filter((t) => !heldoutPool.has(t))).toEqual([]);
  });

  it('keeps held-out-only formats out of the tune split', () => {
    const tuneText = records.tune.map((r) => r.text).join('\n');
    const heldoutText = records.heldout.map((r) => r.text).join('\n');
    const heldoutOnly = [
      /\b([NSW]\d{2,3}[NW]\d{4,5}|N\d{4} County Rd [A-Z])\b/i, // Wisconsin grid addresses
      /\b2600:[0-9a-f]{4}:/, // global IPv6
      /\bCalle [A-Z]/, // street name before number
      /\bmatr[ií]cula consular\b/i,
    ];
    for (const re of heldoutOnly) {
      expect(re.test(tuneText), String(re)).toBe(false);
      expect(re.test(heldoutText), String(re)).toBe(true);
    }
  });

  it('never lets an identifier-free note contain a value planted anywhere in the corpus', () => {
    const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A bare number of five digits or fewer (an age after "aged", a birth year, a ZIP) is an identifier
    // only by its label or place, like a CPT code or a CK of the same digits; every other planted value,
    // and every name token, must be absent from clean notes.
    const planted = new Set<string>();
    for (const r of both) {
      for (const s of r.spans) {
        const value = r.text.slice(s.start, s.end).toLowerCase();
        if (s.kind === 'name') for (const t of nameTokens(value)) planted.add(t);
        else if (!/^\d{1,5}$/.test(value)) planted.add(value);
      }
    }
    const cleanText = both
      .filter((r) => r.spans.length === 0)
      .map((r) => r.text.toLowerCase())
      .join('\n');
    const words = new Set(cleanText.split(/[^\p{L}\p{N}]+/u));
    const leaks: string[] = [];
    for (const value of planted) {
      if (/^[\p{L}]+$/u.test(value)) {
        if (words.has(value)) leaks.push(value);
        continue;
      }
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(value)}(?![\\p{L}\\p{N}])`, 'u');
      if (re.test(cleanText)) leaks.push(value);
    }
    expect(leaks).toEqual([]);
  });
});
