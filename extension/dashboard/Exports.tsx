import { useDashboard } from './state';

const CSVS = [
  ['hotspots.csv', 'Hotspots CSV'],
  ['flags.csv', 'De-identified flags CSV'],
  ['programme.csv', 'Programme CSV'],
] as const;

/** CSV downloads; the API applies the same k-anonymity as the screens. Each shows it is under way. */
export function Exports() {
  const dashboard = useDashboard();
  const busy = dashboard.busy.value;
  return (
    <fieldset class="row exports" aria-busy={busy?.endsWith('.csv') || undefined}>
      <legend class="visually-hidden">Download CSV</legend>
      {CSVS.map(([name, text]) => (
        <button
          key={name}
          type="button"
          disabled={busy !== null}
          onClick={() => void dashboard.exportCsv(name, dashboard.filters.value)}
        >
          {busy === name ? 'Preparing…' : text}
        </button>
      ))}
    </fieldset>
  );
}
