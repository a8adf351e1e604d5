import { describe, expect, it } from 'vitest';
import { type CreditedPerson, creditGroups, creditLine } from '../../shared/credit';

const people = (n: number, p: Omit<CreditedPerson, 'viewer'>, viewer = false): CreditedPerson[] =>
  Array.from({ length: n }, (_, i) => ({ ...p, viewer: viewer && i === 0 }));

describe('reporters’ credit', () => {
  it('reads as a sentence: "Raised by 6 nurses on 4 West and 3 pharmacists"', () => {
    const groups = creditGroups(
      [
        ...people(6, { discipline: 'nursing', unitName: '4 West' }),
        ...people(3, { discipline: 'pharmacy', unitName: null }),
      ],
      3,
    );
    expect(creditLine(groups)).toBe('Raised by 6 nurses on 4 West and 3 pharmacists');
    expect(creditLine([])).toBe('');
  });

  it('never shows a group under k, pooling the rest of a discipline without a unit only when that reaches k', () => {
    const groups = creditGroups(
      [
        ...people(3, { discipline: 'nursing', unitName: '4 West' }),
        ...people(2, { discipline: 'nursing', unitName: '5 East' }),
        ...people(1, { discipline: 'nursing', unitName: null }),
        ...people(2, { discipline: 'pharmacy', unitName: '4 West' }),
      ],
      3,
    );
    expect(groups).toEqual([
      { discipline: 'nursing', unitName: '4 West', count: 3 },
      { discipline: 'nursing', unitName: null, count: 3 },
    ]);
    for (const g of groups) expect(g.count).toBeGreaterThanOrEqual(3);
  });

  it('counts k without the viewer, as every figure below organisation level does', () => {
    const withViewer = people(3, { discipline: 'therapy', unitName: 'Rehab' }, true);
    expect(creditGroups(withViewer, 3)).toEqual([]);
    expect(
      creditGroups(
        withViewer.map((p) => ({ ...p, viewer: false })),
        3,
      ),
    ).toHaveLength(1);
  });

  it('shows nothing for any mix of groups all under k, whatever k is', () => {
    for (let k = 2; k <= 6; k += 1) {
      const mix = [
        ...people(k - 1, { discipline: 'nursing', unitName: 'A' }),
        ...people(k - 1, { discipline: 'medicine', unitName: null }),
      ];
      expect(creditGroups(mix, k)).toEqual([]);
    }
  });
});
