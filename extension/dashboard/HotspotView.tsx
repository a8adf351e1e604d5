import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABELS, FREQUENCY_LABELS, IMPACT_LABELS } from '../../shared/enums';
import { FLAG_STATUS_LABELS } from '../../shared/flags';
import { type Hotspot, type HotspotDetail, STATUS_NEXT } from '../../shared/hotspots';
import type { CycleOwner, PdsaAdvance, PdsaCreate } from '../../shared/pdsa';
import { RESOLUTION_LABELS } from '../../shared/training';
import { errorMessage } from '../lib/errors';
import { type Detector, loadDetector } from '../lib/phi';
import { TextAction } from '../ui/TextAction';
import { CycleForm } from './CycleForm';
import { CycleList } from './CycleList';
import { hotspotName } from './HotspotTable';
import { HotspotTitle } from './HotspotTitle';
import { useDashboard } from './state';
import { TrainingGap } from './TrainingGap';
import { trendWeeks, WeeklyChart } from './WeeklyChart';

interface Props {
  id: string;
  /** Other hotspots in view, as merge targets. */
  others: readonly Hotspot[];
  onClose: () => void;
  onChanged: () => void;
}

/** One hotspot: numbers, units (k-suppressed), texts, status and response, merges, PDSA cycles. */
export function HotspotView({ id, others, onClose, onChanged }: Props) {
  const dashboard = useDashboard();
  const [hotspot, setHotspot] = useState<HotspotDetail | null>(null);
  const [error, setError] = useState('');
  const [response, setResponse] = useState('');
  const [detector, setDetector] = useState<Detector | null>(null);
  const [mergeInto, setMergeInto] = useState('');
  const [owners, setOwners] = useState<CycleOwner[]>([]);
  const busy = dashboard.busy.value;

  useEffect(() => {
    void loadDetector().then(setDetector);
    void dashboard.cycleOwners().then(setOwners);
  }, []);
  useEffect(() => {
    setHotspot(null);
    dashboard
      .loadHotspot(id)
      .then((detail) => {
        setHotspot(detail);
        setResponse(detail.response ?? '');
        setError('');
      })
      .catch((e) => setError(errorMessage(e)));
  }, [dashboard, id]);

  /** Shows what a write returned; false (the reason already announced) when it failed or was a repeat click. */
  async function act(write: Promise<HotspotDetail | null>) {
    const next = await write;
    if (!next) return false;
    setHotspot(next);
    setResponse(next.response ?? '');
    onChanged();
    return true;
  }

  if (error) return <p role="alert">{error}</p>;
  if (!hotspot) return <p aria-busy="true">Loading hotspot…</p>;
  const k = hotspot.k;
  return (
    <section class="hotspot-view" aria-labelledby="hotspot-title">
      <button type="button" onClick={onClose}>
        ← All hotspots
      </button>
      <HotspotTitle
        hotspot={hotspot}
        name={hotspotName(hotspot, dashboard.systems.value)}
        detector={detector}
        busy={busy === 'title'}
        onSave={(title, spans) => act(dashboard.setTitle(id, title, spans))}
      />
      {hotspot.mergedInto && (
        <p role="status">
          Merged into another hotspot.{' '}
          <button type="button" disabled={busy !== null} onClick={() => void act(dashboard.unmerge(id))}>
            {busy === 'unmerge' ? 'Undoing…' : 'Undo merge'}
          </button>
        </p>
      )}
      <p>
        {CATEGORY_LABELS[hotspot.category]} · {FLAG_STATUS_LABELS[hotspot.status]}
        {hotspot.resolution ? ` (${RESOLUTION_LABELS[hotspot.resolution].toLowerCase()})` : ''} · {hotspot.flagCount}{' '}
        flags from {hotspot.reporterCount} {hotspot.reporterCount === 1 ? 'person' : 'people'} · about{' '}
        {hotspot.minutesPerWeek} minutes lost per week
      </p>
      {hotspot.impact.harm > 0 && (
        <p class="harm-note">
          <strong>{hotspot.impact.harm} flag(s) report patient harm.</strong> Curbside is not the incident system: make
          sure an incident report exists.
        </p>
      )}
      <WeeklyChart
        title={`Flags per week, last ${hotspot.trend.length} weeks`}
        unit="flags"
        weeks={trendWeeks(hotspot.trend.length, dashboard.hotspots.value?.weeks)}
        values={hotspot.trend}
      />

      <h3>Status and public response</h3>
      <p>Everyone who flagged this, and every clinician opening this screen, sees the status and response.</p>
      <fieldset class="row" aria-busy={busy === 'status' || undefined}>
        <legend class="visually-hidden">Move status</legend>
        {STATUS_NEXT[hotspot.status].map((to) => (
          <button
            type="button"
            key={to}
            disabled={busy !== null}
            onClick={() => void act(dashboard.setStatus(id, to, FLAG_STATUS_LABELS[to]))}
          >
            Mark {FLAG_STATUS_LABELS[to].toLowerCase()}
          </button>
        ))}
      </fieldset>
      <TextAction
        id="hotspot-response"
        label="Response to reporters (“you said, we did”)"
        submitLabel={busy === 'response' ? 'Publishing…' : 'Publish response'}
        value={response}
        maxLength={2000}
        detector={detector}
        disabled={busy !== null}
        onInput={setResponse}
        onSend={(text, confirmedSpans) => void act(dashboard.publishResponse(id, text, confirmedSpans))}
      />
      <TrainingGap hotspot={hotspot} detector={detector} onDone={act} />

      <h3>Units</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col" class="num">
              Flags
            </th>
            <th scope="col" class="num">
              Min/week
            </th>
          </tr>
        </thead>
        <tbody>
          {hotspot.units.map((u) => (
            <tr key={u.unitId ?? 'none'}>
              <th scope="row">{dashboard.unitName(u.unitId)}</th>
              <td class="num">{u.flags}</td>
              <td class="num">{u.minutesPerWeek}</td>
            </tr>
          ))}
          {hotspot.otherUnits.flags > 0 && (
            <tr>
              <th scope="row">Other units</th>
              <td class="num">{hotspot.otherUnits.flags}</td>
              <td class="num">{hotspot.otherUnits.minutesPerWeek}</td>
            </tr>
          )}
        </tbody>
      </table>
      <p class="muted">
        A unit shows only for weeks in which at least {k} people of it (other than you) flagged the same screen;
        everything else counts under “Other units”, which names no unit.
      </p>

      <h3>What people said</h3>
      {hotspot.itemsVisible && hotspot.itemsHidden > 0 && (
        <p class="muted">
          {hotspot.itemsHidden} more flag(s) came from screens fewer than {k} people (other than you) have flagged; they
          stay hidden.
        </p>
      )}
      {hotspot.itemsVisible ? (
        <ul class="items">
          {hotspot.items.map((item, i) => (
            <li key={`${i}-${item.text.slice(0, 20)}`}>
              <p>{item.text}</p>
              {item.idea && <p class="idea">Idea: {item.idea}</p>}
              <p class="muted">
                {IMPACT_LABELS[item.impact]} · {FREQUENCY_LABELS[item.frequency]} · {item.minutesLost} min
                {item.day && ` · ${item.day}`}
                {item.anonymous && ' · anonymous'}
                {item.contactName && ` · ${item.contactName} is happy to be contacted`}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>
          Texts show once at least {k} people other than you have flagged the same screen, so no one can be recognised
          by their words.
        </p>
      )}

      {!hotspot.mergedInto && (
        <>
          <h3>Merge a duplicate</h3>
          <form
            class="row"
            aria-label="Merge this hotspot into another"
            onSubmit={(e) => {
              e.preventDefault();
              if (mergeInto) void act(dashboard.merge(id, mergeInto));
            }}
          >
            <label>
              Merge into{' '}
              <select value={mergeInto} onChange={(e) => setMergeInto(e.currentTarget.value)}>
                <option value="">Choose a hotspot</option>
                {others
                  .filter((o) => o.id !== id)
                  .map((o) => (
                    <option key={o.id} value={o.id}>
                      {hotspotName(o, dashboard.systems.value)}
                    </option>
                  ))}
              </select>
            </label>
            <button type="submit" disabled={!mergeInto || busy !== null}>
              {busy === 'merge' ? 'Merging…' : 'Merge'}
            </button>
          </form>
          {hotspot.members.length > 0 && (
            <ul>
              {hotspot.members.map((m) => (
                <li key={m.id}>
                  {hotspotName({ ...m, title: null }, dashboard.systems.value)}{' '}
                  <button type="button" disabled={busy !== null} onClick={() => void act(dashboard.unmerge(id, m.id))}>
                    Undo merge
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}

      <h3>Tests of change (PDSA)</h3>
      <CycleList
        cycles={hotspot.cycles}
        detector={detector}
        onAdvance={(cycleId: string, body: PdsaAdvance) => act(dashboard.advanceCycle(id, cycleId, body))}
      />
      <CycleForm
        detector={detector}
        owners={owners}
        meId={dashboard.session.value?.user.id}
        busy={busy === 'cycle'}
        onCreate={(body: PdsaCreate) => act(dashboard.startCycle(id, body))}
      />
    </section>
  );
}
