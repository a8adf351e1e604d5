import { useEffect } from 'preact/hooks';
import { CATEGORY_LABELS, type Category } from '../../shared/enums';
import type { Breakdown } from '../../shared/hotspots';
import { useDashboard } from './state';

interface Row {
  key: string;
  name: string;
  /** Flags by column key; a missing column is none (or held back into "Other units"). */
  cells: Map<string, number>;
}

const week = (iso: string) => iso.slice(5, 10);

/** Rows per unit (by name) and one "Other units" row, for columns picked out by `column`. */
function pivot<C extends { flags: number }>(
  shown: readonly (C & { unitId: string | null })[],
  other: readonly C[],
  column: (c: C) => string,
  unitName: (id: string | null) => string,
): Row[] {
  const rows = new Map<string, Row>();
  for (const c of shown) {
    const key = c.unitId ?? 'none';
    const row = rows.get(key) ?? { key, name: unitName(c.unitId), cells: new Map() };
    row.cells.set(column(c), (row.cells.get(column(c)) ?? 0) + c.flags);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
  const others: Row = { key: 'other', name: 'Other units', cells: new Map() };
  for (const c of other) others.cells.set(column(c), (others.cells.get(column(c)) ?? 0) + c.flags);
  return others.cells.size > 0 ? [...sorted, others] : sorted;
}

function PivotTable({ caption, columns, rows }: { caption: string; columns: [string, string][]; rows: Row[] }) {
  if (rows.length === 0) return <p>No flags in this range yet.</p>;
  return (
    <div class="table-scroll pivot">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            {columns.map(([key, label]) => (
              <th key={key} scope="col" class="num">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.name}</th>
              {columns.map(([key]) => (
                <td key={key} class="num">
                  {r.cells.get(key) ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function categoriesOf(b: Breakdown): [string, string][] {
  const seen = new Set<Category>([...b.unitCategories, ...b.otherByCategory].map((c) => c.category));
  return (Object.keys(CATEGORY_LABELS) as Category[]).filter((c) => seen.has(c)).map((c) => [c, CATEGORY_LABELS[c]]);
}

function weeksOf(b: Breakdown): [string, string][] {
  const seen = [...new Set([...b.unitWeeks, ...b.otherByWeek].map((c) => c.week))].sort();
  return seen.map((w) => [w, week(w)]);
}

/**
 * Where friction comes from: flags per unit by category and by week, for the filters' dates and
 * category. A unit is named only where enough people of it flagged (k); the rest is pooled per
 * column under "Other units", which names none.
 */
export function BreakdownPanel() {
  const dashboard = useDashboard();
  const { from, to, category } = dashboard.filters.value;
  const b = dashboard.breakdown.value;
  const error = dashboard.breakdownError.value;
  useEffect(() => void dashboard.loadBreakdown(), [dashboard, from, to, category]);
  if (error) return <p role="alert">{error}</p>;
  if (!b) return <p aria-busy="true">Loading the breakdown by unit…</p>;
  const name = dashboard.unitName;
  return (
    <section aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">Flags by unit</h2>
      <p class="muted">
        A unit shows only where at least {b.k} of its people (other than you) flagged; everything else counts under
        “Other units”, which names no unit. “—” is none, or held back.
      </p>
      <h3>By category</h3>
      <PivotTable
        caption="Flags per unit and category"
        columns={categoriesOf(b)}
        rows={pivot(b.unitCategories, b.otherByCategory, (c) => c.category, name)}
      />
      <h3>By week</h3>
      <PivotTable
        caption="Flags per unit and week (week starting)"
        columns={weeksOf(b)}
        rows={pivot(b.unitWeeks, b.otherByWeek, (c) => c.week, name)}
      />
    </section>
  );
}
