import { describe, expect, it } from 'vitest';
import { allMatches } from '../../../shared/phi/matches';

/** What matchAll gives, reduced to what the detector reads from a match. */
const viaMatchAll = (re: RegExp, text: string) =>
  [...text.matchAll(new RegExp(re.source, re.flags))].map((m) => ({ index: m.index, groups: [...m] }));
const viaAllMatches = (re: RegExp, text: string) =>
  allMatches(re, text).map((m) => ({ index: m.index, groups: [...m] }));

describe('allMatches', () => {
  const cases: [RegExp, string][] = [
    [/\d{3}-\d{4}/g, 'call 555-0142 or 555-0199, not 55-01'],
    [/(\w+)@(\w+)\.org/gi, 'A@B.org and c@d.ORG'],
    [/x*/g, 'axxbx'], // empty matches between the x runs
    [/(?:)/gu, 'a😀b'], // empty matches in unicode mode step over a surrogate pair
    [/(?:)/g, 'a😀b'], // and without it, into the pair
    [/[ -][A-Za-z0-9]{2,8}(?![\w-])/gy, ' AB12 CD34-x EF'], // sticky: stops at the first gap
    [/\bnone\b/g, 'nothing here'],
    [/\b\w/g, ''],
  ];
  it.each(cases)('finds what matchAll finds: %s', (re, text) => {
    expect(viaAllMatches(re, text)).toEqual(viaMatchAll(re, text));
  });

  it('reads from the start whatever position the regex was left at, and leaves it at 0', () => {
    const re = /\d+/g;
    re.lastIndex = 5;
    expect(allMatches(re, '12 34 56').map((m) => m[0])).toEqual(['12', '34', '56']);
    expect(re.lastIndex).toBe(0);
  });

  it('collects every match before the caller reads the same regex again', () => {
    const re = /\d+/g;
    const seen: string[] = [];
    for (const m of allMatches(re, '1 22 333')) {
      seen.push(m[0]);
      allMatches(re, '9 9 9 9'); // a loop body that uses the same pattern
    }
    expect(seen).toEqual(['1', '22', '333']);
  });

  it('refuses a regex without the global flag, as matchAll does', () => {
    expect(() => allMatches(/\d/, '1')).toThrow(TypeError);
  });
});
