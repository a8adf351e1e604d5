// The detector against the ways clinicians write each kind of identifier (identifiers.formats.ts):
// every letter and digit of each planted value must lie inside a returned span, and look-alike
// clinical lines must return none.
import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../shared/phi';
import { uncovered } from './identifiers.attacks';
import { CLEAN_LOOKALIKES, FORMAT_FAMILIES, formatCases } from './identifiers.formats';

describe('identifier formats, family by family', () => {
  const cases = formatCases();
  for (const family of Object.keys(FORMAT_FAMILIES)) {
    it(`finds ${family}`, () => {
      const missed = cases
        .filter((c) => c.trick === family)
        .filter((c) => uncovered(c, findIdentifiers(c.text)) !== '')
        .map((c) => `${c.kind}: ${JSON.stringify(c.text.slice(c.start, c.end))} in ${JSON.stringify(c.text)}`);
      expect(missed).toEqual([]);
    });
  }
  it('leaves look-alike clinical lines alone', () => {
    for (const t of CLEAN_LOOKALIKES) expect(findIdentifiers(t), t).toEqual([]);
  });
});
