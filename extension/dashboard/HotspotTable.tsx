import { useContext } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../shared/enums';
import { FLAG_STATUS_LABELS } from '../../shared/flags';
import type { Hotspot } from '../../shared/hotspots';
import { nameScreen, type System } from '../../shared/systems';
import { Sparkline } from './Sparkline';
import { DashboardContext } from './state';

interface Props {
  hotspots: readonly Hotspot[];
  onOpen: (id: string) => void;
}

export function hotspotName(
  h: Pick<Hotspot, 'title' | 'screen' | 'category'>,
  systems: readonly System[] = [],
): string {
  if (h.title) return h.title;
  if (!h.screen) return `${CATEGORY_LABELS[h.category]} (no system)`;
  // The admins' names where they exist: "Epic › Med Rec", or the system's name and the path.
  const named = nameScreen(systems, h.screen);
  if (named?.screen) return named.label;
  return named ? `${named.system.name} › ${h.screen.path}` : `${h.screen.host}${h.screen.path}`;
}

/** The ranked hotspots; harm sorts first and is marked in words, not colour alone. */
export function HotspotTable({ hotspots, onOpen }: Props) {
  const systems = useContext(DashboardContext)?.systems.value ?? [];
  if (hotspots.length === 0) return <p>No hotspots match these filters.</p>;
  return (
    <div class="table-scroll">
      <table class="hotspots">
        <caption>
          Most costly first unless sorted otherwise. Minutes lost per week: the minutes each reporter said one
          occurrence costs, times how often it happens, added up over every flag.
        </caption>
        <thead>
          <tr>
            <th scope="col">Hotspot</th>
            <th scope="col">Category</th>
            <th scope="col">Status</th>
            <th scope="col" class="num">
              Flags
            </th>
            <th scope="col" class="num">
              People
            </th>
            <th scope="col" class="num">
              <abbr title="Reported minutes lost per week">Min lost/wk</abbr>
            </th>
            <th scope="col">Patient impact</th>
            <th scope="col">12 weeks</th>
          </tr>
        </thead>
        <tbody>
          {hotspots.map((h) => (
            <tr key={h.id} class={h.impact.harm > 0 ? 'harm' : undefined}>
              <th scope="row">
                <button type="button" class="link" onClick={() => onOpen(h.id)}>
                  {hotspotName(h, systems)}
                </button>
              </th>
              <td>{CATEGORY_LABELS[h.category]}</td>
              <td>{FLAG_STATUS_LABELS[h.status]}</td>
              <td class="num">{h.flagCount}</td>
              <td class="num">{h.reporterCount}</td>
              <td class="num">{h.minutesPerWeek}</td>
              <td>
                {h.impact.harm > 0 && <strong class="harm-badge">Harm ({h.impact.harm}) </strong>}
                {h.impact.risk > 0 && `Risk ${h.impact.risk} `}
                {h.impact.delay > 0 && `Delay ${h.impact.delay}`}
              </td>
              <td>
                <Sparkline values={h.trend} label="Flags per week, oldest first" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
