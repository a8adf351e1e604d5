import { useEffect } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import { lazyPart, lazyView } from '../ui/lazy';
import { PageGate, SIGNED_OUT } from '../ui/PageGate';
import { WeekDigest } from '../ui/WeekDigest';
import { Exports } from './Exports';
import { Filters } from './Filters';
import { HotspotTable } from './HotspotTable';
import { useDashboard } from './state';

// The first paint is the hotspot list (filters, exports, table): everything else loads on first use,
// so the page's first render ships without it (issue 19: first render within 1.4× a one-button page).
const HotspotView = lazyPart(
  () => import('./HotspotView').then((m) => m.HotspotView),
  <p aria-busy="true">Loading the hotspot…</p>,
);
const ProgrammePanel = lazyView(() => import('./ProgrammePanel').then((m) => m.ProgrammePanel));
const BreakdownPanel = lazyView(() => import('./BreakdownPanel').then((m) => m.BreakdownPanel));
const MentorshipsPanel = lazyView(() => import('./MentorshipsPanel').then((m) => m.MentorshipsPanel));
const SponsorPanel = lazyPart(() => import('./SponsorPanel').then((m) => m.SponsorPanel));

function Hotspots() {
  const dashboard = useDashboard();
  const filters = dashboard.filters.value;
  const data = dashboard.hotspots.value;
  const error = dashboard.hotspotsError.value;
  // Fetched again when a filter of the list changes; opening a hotspot or a tab is not one.
  useEffect(
    () => void dashboard.showHotspots(),
    [dashboard, filters.from, filters.to, filters.unitId, filters.category, filters.host, filters.sort],
  );

  if (filters.hotspot)
    return (
      <HotspotView
        id={filters.hotspot}
        others={data?.hotspots ?? []}
        onClose={() => dashboard.setFilters({ hotspot: undefined })}
        onChanged={() => void dashboard.loadHotspots()}
      />
    );
  return (
    <section aria-labelledby="hotspots-title">
      <h2 id="hotspots-title">Friction hotspots</h2>
      {dashboard.session.value?.user.roles.includes('lead') && (
        <WeekDigest load={() => dashboard.call(endpoints.myDigest, { query: { role: 'lead' } })} />
      )}
      <Filters />
      <Exports />
      {error && <p role="alert">{error}</p>}
      {!data && !error && <p aria-busy="true">Loading hotspots…</p>}
      {data?.suppressed != null && data.suppressed > 0 && (
        <p class="muted">
          {data.suppressed} more hotspot(s) in this unit were flagged by fewer than {data.k} people and are not shown.
        </p>
      )}
      {data && data.hotspots.length === 0 ? (
        <NoHotspots k={data.k} />
      ) : (
        data && <HotspotTable hotspots={data.hotspots} onOpen={(id) => dashboard.setFilters({ hotspot: id })} />
      )}
    </section>
  );
}

/** Why the list is empty, and what to do: widen the filters, or wait for flags. */
function NoHotspots({ k }: { k: number }) {
  const dashboard = useDashboard();
  const { from, to, unitId, category, host } = dashboard.filters.value;
  if (from || to || unitId || category || host)
    return (
      <p>No hotspots match these filters. Widen the dates or clear the unit, category or system filter to see more.</p>
    );
  return (
    <p>
      No flags yet. Hotspots appear here as clinicians flag what gets in their way; a hotspot’s texts show once {k}{' '}
      people have flagged the same screen.
    </p>
  );
}

export function App() {
  const dashboard = useDashboard();
  if (!dashboard.ready.value) return <p aria-busy="true">Loading…</p>;
  const gate = (message: string) => <PageGate page="dashboard" title="Curbside hotspots" message={message} />;
  if (!dashboard.session.value) return gate(SIGNED_OUT);
  if (!dashboard.isLead.value) return gate('This page is for leads and admins.');
  const tab = dashboard.filters.value.tab;
  return (
    <div class="dashboard">
      <header>
        <h1>Curbside hotspots</h1>
        <p class="muted">Signed in as {dashboard.session.value.user.displayName}</p>
        <nav aria-label="Dashboard sections">
          <ul>
            <li>
              <button
                type="button"
                aria-current={tab === 'hotspots' ? 'page' : undefined}
                onClick={() => dashboard.setFilters({ tab: 'hotspots' })}
              >
                Hotspots
              </button>
            </li>
            <li>
              <button
                type="button"
                aria-current={tab === 'programme' ? 'page' : undefined}
                onClick={() => dashboard.setFilters({ tab: 'programme', hotspot: undefined })}
              >
                Programme health
              </button>
            </li>
            <li>
              <button
                type="button"
                aria-current={tab === 'units' ? 'page' : undefined}
                onClick={() => dashboard.setFilters({ tab: 'units', hotspot: undefined })}
              >
                By unit
              </button>
            </li>
            {dashboard.session.value.user.roles.includes('lead') && (
              <li>
                <button
                  type="button"
                  aria-current={tab === 'mentorships' ? 'page' : undefined}
                  onClick={() => dashboard.setFilters({ tab: 'mentorships', hotspot: undefined })}
                >
                  Mentorships
                </button>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <p class="status" aria-live="polite">
        {dashboard.status.value}
      </p>
      <main>
        {dashboard.session.value.user.roles.includes('lead') && <SponsorPanel />}
        {tab === 'programme' ? (
          <ProgrammePanel />
        ) : tab === 'units' ? (
          <BreakdownPanel />
        ) : tab === 'mentorships' ? (
          <MentorshipsPanel />
        ) : (
          <Hotspots />
        )}
      </main>
    </div>
  );
}
