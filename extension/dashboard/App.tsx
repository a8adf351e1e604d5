import { useEffect } from 'preact/hooks';
import { Exports } from './Exports';
import { Filters } from './Filters';
import { HotspotTable } from './HotspotTable';
import { HotspotView } from './HotspotView';
import { ProgrammePanel } from './ProgrammePanel';
import { useDashboard } from './state';

function Hotspots() {
  const d = useDashboard();
  const f = d.filters.value;
  const data = d.hotspots.value;
  const error = d.hotspotsError.value;
  // Fetched again when a filter of the list changes; opening a hotspot or a tab is not one.
  useEffect(() => void d.loadHotspots(), [d, f.from, f.to, f.unitId, f.category, f.host, f.sort]);

  if (f.hotspot)
    return (
      <HotspotView
        id={f.hotspot}
        others={data?.hotspots ?? []}
        onClose={() => d.setFilters({ hotspot: undefined })}
        onChanged={() => void d.loadHotspots()}
      />
    );
  return (
    <section aria-labelledby="hotspots-title">
      <h2 id="hotspots-title">Friction hotspots</h2>
      <Filters />
      <Exports />
      {error && <p role="alert">{error}</p>}
      {!data && !error && <p aria-busy="true">Loading hotspots…</p>}
      {data?.suppressed != null && data.suppressed > 0 && (
        <p class="muted">
          {data.suppressed} more hotspot(s) in this unit were flagged by fewer than {data.k} people and are not shown.
        </p>
      )}
      {data && <HotspotTable hotspots={data.hotspots} onOpen={(id) => d.setFilters({ hotspot: id })} />}
    </section>
  );
}

export function App() {
  const d = useDashboard();
  if (!d.ready.value) return <p aria-busy="true">Loading…</p>;
  const gate = (message: string) => (
    <main class="dashboard">
      <h1>Curbside hotspots</h1>
      <p role="alert">{message}</p>
    </main>
  );
  if (!d.session.value)
    return gate('You are signed out. Sign in from the Curbside button in the toolbar, then reopen this page.');
  if (!d.isLead.value) return gate('This page is for leads and admins.');
  const tab = d.filters.value.tab;
  return (
    <div class="dashboard">
      <header>
        <h1>Curbside hotspots</h1>
        <p class="muted">Signed in as {d.session.value.user.displayName}</p>
        <nav aria-label="Dashboard sections">
          <ul>
            <li>
              <button
                type="button"
                aria-current={tab === 'hotspots' ? 'page' : undefined}
                onClick={() => d.setFilters({ tab: 'hotspots' })}
              >
                Hotspots
              </button>
            </li>
            <li>
              <button
                type="button"
                aria-current={tab === 'programme' ? 'page' : undefined}
                onClick={() => d.setFilters({ tab: 'programme', hotspot: undefined })}
              >
                Programme health
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <p class="status" aria-live="polite">
        {d.status.value}
      </p>
      <main>{tab === 'programme' ? <ProgrammePanel /> : <Hotspots />}</main>
    </div>
  );
}
