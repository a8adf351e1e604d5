import { z } from 'zod';
import { Discipline } from './enums';

/**
 * Reporters' credit on "you said, we did" (issue 18): the reporters of a hotspot who opted in, counted in
 * groups of one discipline on one unit. A group shows only with at least k people; those left over of a
 * discipline are pooled without a unit and shown only if that pool reaches k. Anonymous flags never count.
 */
export const CreditGroup = z.object({
  discipline: Discipline,
  /** Null: the discipline's reporters pooled across units (or without one). */
  unitName: z.string().nullable(),
  count: z.number().int(),
});
export type CreditGroup = z.infer<typeof CreditGroup>;

export const CreditPreference = z.object({ creditMe: z.boolean() }).strict();
export type CreditPreference = z.infer<typeof CreditPreference>;

const PEOPLE: Record<Discipline, [string, string]> = {
  nursing: ['nurse', 'nurses'],
  medicine: ['physician', 'physicians'],
  pharmacy: ['pharmacist', 'pharmacists'],
  therapy: ['therapist', 'therapists'],
  admin: ['administrator', 'administrators'],
  other: ['colleague', 'colleagues'],
};

/** "Raised by 6 nurses on 4 West and 7 pharmacists"; empty when no group is shown. */
export function creditLine(groups: readonly CreditGroup[]): string {
  const parts = groups.map((g) => {
    const [one, many] = PEOPLE[g.discipline];
    return `${g.count} ${g.count === 1 ? one : many}${g.unitName ? ` on ${g.unitName}` : ''}`;
  });
  if (parts.length === 0) return '';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `Raised by ${list}`;
}

export interface CreditedPerson {
  discipline: Discipline;
  unitName: string | null;
  /** The person reading: as everywhere below organisation level, k counts the people other than them. */
  viewer: boolean;
}

interface Tally {
  count: number;
  others: number;
}

/**
 * The groups to show, from opted-in reporters (one entry per person): (discipline, unit) groups with at
 * least k people other than the viewer, then per discipline everyone left over, pooled without a unit, if
 * that pool has k others. Nothing under k is ever shown: the pool holds only people no unit group shows,
 * so no subtraction of two shown figures isolates a smaller group.
 */
export function creditGroups(people: readonly CreditedPerson[], k: number): CreditGroup[] {
  const add = (t: Tally | undefined, p: CreditedPerson): Tally => ({
    count: (t?.count ?? 0) + 1,
    others: (t?.others ?? 0) + (p.viewer ? 0 : 1),
  });
  const cells = new Map<string, { discipline: Discipline; unitName: string | null; tally: Tally }>();
  for (const p of people) {
    const key = `${p.discipline}|${p.unitName ?? ''}`;
    const cell = cells.get(key);
    cells.set(key, { discipline: p.discipline, unitName: p.unitName, tally: add(cell?.tally, p) });
  }
  const shown: CreditGroup[] = [];
  const rest = new Map<Discipline, Tally>();
  for (const cell of cells.values()) {
    if (cell.unitName !== null && cell.tally.others >= k) {
      shown.push({ discipline: cell.discipline, unitName: cell.unitName, count: cell.tally.count });
    } else {
      const pool = rest.get(cell.discipline);
      rest.set(cell.discipline, {
        count: (pool?.count ?? 0) + cell.tally.count,
        others: (pool?.others ?? 0) + cell.tally.others,
      });
    }
  }
  for (const [discipline, pool] of rest) {
    if (pool.others >= k) shown.push({ discipline, unitName: null, count: pool.count });
  }
  return shown.sort((a, b) => b.count - a.count || a.discipline.localeCompare(b.discipline));
}
