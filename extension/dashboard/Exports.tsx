import { endpoints } from '../../shared/api';
import { errorMessage } from '../lib/errors';
import { saveCsv, useDashboard } from './state';

/** CSV downloads; the API applies the same k-anonymity as the screens. */
export function Exports() {
  const d = useDashboard();
  const f = d.filters.value;
  const get = async (name: string, run: () => Promise<string>) => {
    try {
      saveCsv(name, await run());
      d.announce(`${name} downloaded`);
    } catch (e) {
      d.announce(errorMessage(e));
    }
  };
  const query = { from: f.from, to: f.to, unitId: f.unitId, category: f.category, host: f.host, sort: f.sort };
  return (
    <fieldset class="row exports">
      <legend class="visually-hidden">Download CSV</legend>
      <button type="button" onClick={() => void get('hotspots.csv', () => d.call(endpoints.exportHotspots, { query }))}>
        Hotspots CSV
      </button>
      <button type="button" onClick={() => void get('flags.csv', () => d.call(endpoints.exportFlags, {}))}>
        De-identified flags CSV
      </button>
      <button
        type="button"
        onClick={() =>
          void get('programme.csv', () => d.call(endpoints.exportProgramme, { query: { from: f.from, to: f.to } }))
        }
      >
        Programme CSV
      </button>
    </fieldset>
  );
}
