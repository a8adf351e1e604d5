import { useEffect, useState } from 'preact/hooks';
import { endpoints } from '../../shared/api';
import type { ProgrammeHealth } from '../../shared/programme';
import { errorMessage } from '../lib/errors';
import { BarChart } from './BarChart';
import { useDashboard } from './state';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const num = (n: number | null, unit = '') => (n === null ? 'not measured yet' : `${n}${unit}`);

/** Whether the programme closes the loop and answers in time. */
export function ProgrammePanel() {
  const dashboard = useDashboard();
  const { from, to } = dashboard.filters.value;
  const [h, setH] = useState<ProgrammeHealth | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    dashboard
      .call(endpoints.programmeHealth, { query: { from, to } })
      .then((r) => {
        setH(r);
        setError('');
      })
      .catch((e) => setError(errorMessage(e)));
  }, [dashboard, from, to]);
  if (error) return <p role="alert">{error}</p>;
  if (!h) return <p aria-busy="true">Loading programme health…</p>;
  const week = (w: string) => w.slice(5, 10);
  return (
    <section aria-labelledby="programme-title">
      <h2 id="programme-title">Programme health</h2>
      <dl class="metrics">
        <div>
          <dt>Flags whose hotspot got a response</dt>
          <dd>
            {pct(h.loop.responded)} <span class="muted">(aim ≥ {pct(h.loopTarget)})</span>
          </dd>
        </div>
        <div>
          <dt>Flags that led to a change</dt>
          <dd>
            {pct(h.loop.changed)} <span class="muted">(aim ≥ {pct(h.loopTarget)})</span>
          </dd>
        </div>
        <div>
          <dt>Time to first answer (median / 90th percentile)</dt>
          <dd>
            {num(h.firstAnswer.medianMinutes, ' min')} / {num(h.firstAnswer.p90Minutes, ' min')}
          </dd>
        </div>
        <div>
          <dt>Answered within SLA</dt>
          <dd>{pct(h.firstAnswer.withinSla)}</dd>
        </div>
        <div>
          <dt>Open past SLA</dt>
          <dd>{num(h.openPastSla)}</dd>
        </div>
        <div>
          <dt>Answers per mentor (min / median / max)</dt>
          <dd>
            {h.mentorLoad.mentors === 0
              ? 'no answers yet'
              : `${h.mentorLoad.min} / ${h.mentorLoad.median} / ${h.mentorLoad.max} across ${h.mentorLoad.mentors}`}
          </dd>
        </div>
        <div>
          <dt>Knowledge-base deflections</dt>
          <dd>{num(h.kbDeflections)}</dd>
        </div>
      </dl>
      <div class="charts">
        <BarChart title="Flags per week" bars={h.flagsPerWeek.map((w) => ({ label: week(w.week), value: w.count }))} />
        <BarChart
          title="Questions per week"
          bars={h.questionsPerWeek.map((w) => ({ label: week(w.week), value: w.count }))}
        />
      </div>
      <h3>By unit</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Unit</th>
            <th scope="col" class="num">
              Flags
            </th>
            <th scope="col" class="num">
              Responded
            </th>
            <th scope="col" class="num">
              Changed
            </th>
          </tr>
        </thead>
        <tbody>
          {[...h.byUnit.map((u) => ({ ...u, name: u.unitId ?? 'No unit' })), { ...h.otherUnits, name: 'Other units' }]
            .filter((u) => u.flags > 0)
            .map((u) => (
              <tr key={u.name}>
                <th scope="row">{u.name}</th>
                <td class="num">{u.flags}</td>
                <td class="num">{pct(u.responded)}</td>
                <td class="num">{pct(u.changed)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <ul class="muted">
        {h.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
