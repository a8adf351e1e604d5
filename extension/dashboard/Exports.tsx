import { endpoints } from '../../shared/api';
import { errorMessage } from '../lib/errors';
import { saveCsv, useDashboard } from './state';

/** CSV downloads; the API applies the same k-anonymity as the screens. */
export function Exports() {
  const dashboard = useDashboard();
  const filters = dashboard.filters.value;
  const get = async (name: string, run: () => Promise<string>) => {
    try {
      saveCsv(name, await run());
      dashboard.announce(`${name} downloaded`);
    } catch (e) {
      dashboard.announce(errorMessage(e));
    }
  };
  const query = {
    from: filters.from,
    to: filters.to,
    unitId: filters.unitId,
    category: filters.category,
    host: filters.host,
    sort: filters.sort,
  };
  return (
    <fieldset class="row exports">
      <legend class="visually-hidden">Download CSV</legend>
      <button
        type="button"
        onClick={() => void get('hotspots.csv', () => dashboard.call(endpoints.exportHotspots, { query }))}
      >
        Hotspots CSV
      </button>
      <button type="button" onClick={() => void get('flags.csv', () => dashboard.call(endpoints.exportFlags, {}))}>
        De-identified flags CSV
      </button>
      <button
        type="button"
        onClick={() =>
          void get('programme.csv', () =>
            dashboard.call(endpoints.exportProgramme, { query: { from: filters.from, to: filters.to } }),
          )
        }
      >
        Programme CSV
      </button>
    </fieldset>
  );
}
