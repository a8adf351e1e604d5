import { useEffect } from 'preact/hooks';
import { CATEGORY_LABELS, Category } from '../../shared/enums';
import { HotspotSort } from '../../shared/hotspots';
import { useDashboard } from './state';

const SORT_LABELS: Record<HotspotSort, string> = {
  cost: 'Cost (minutes per week)',
  count: 'Number of flags',
  newest: 'Newest',
  rising: 'Rising',
};

/** Filters for the hotspot list; every change goes into the page URL at once. */
export function Filters() {
  const dashboard = useDashboard();
  const filters = dashboard.filters.value;
  const units = dashboard.units.value;
  // After the list: the first paint needs no unit names (the unit filter fills in a moment later).
  useEffect(() => void dashboard.afterFirstPaint().then(dashboard.loadUnits), [dashboard]);
  const set = (key: 'from' | 'to' | 'unitId' | 'category' | 'host' | 'sort') => (e: Event) =>
    dashboard.setFilters({ [key]: (e.currentTarget as HTMLInputElement).value || undefined, hotspot: undefined });
  return (
    <form class="filters" aria-label="Filter hotspots" onSubmit={(e) => e.preventDefault()}>
      <label>
        From <input type="date" value={filters.from ?? ''} onChange={set('from')} />
      </label>
      <label>
        To <input type="date" value={filters.to ?? ''} onChange={set('to')} />
      </label>
      <label>
        Unit{' '}
        <select value={filters.unitId ?? ''} onChange={set('unitId')}>
          <option value="">All units</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category{' '}
        <select value={filters.category ?? ''} onChange={set('category')}>
          <option value="">All categories</option>
          {Category.options.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        System <input type="text" placeholder="ehr.example.org" value={filters.host ?? ''} onChange={set('host')} />
      </label>
      <label>
        Sort by{' '}
        <select value={filters.sort} onChange={set('sort')}>
          {HotspotSort.options.map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
