import { useEffect } from 'preact/hooks';
import { useDashboard } from './state';
import { WeeklyChart } from './WeeklyChart';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);
const num = (n: number | null, unit = '') => (n === null ? 'not measured yet' : `${n}${unit}`);

/** Whether the programme closes the loop and answers in time. */
export function ProgrammePanel() {
  const dashboard = useDashboard();
  const { from, to } = dashboard.filters.value;
  const health = dashboard.programme.value;
  const error = dashboard.programmeError.value;
  useEffect(() => void dashboard.loadProgramme(), [dashboard, from, to]);
  if (error) return <p role="alert">{error}</p>;
  if (!health) return <p aria-busy="true">Loading programme health…</p>;
  return (
    <section aria-labelledby="programme-title">
      <h2 id="programme-title">Programme health</h2>
      <dl class="metrics">
        <div>
          <dt>Flags whose hotspot got a response</dt>
          <dd>
            {pct(health.loop.responded)} <span class="muted">(aim ≥ {pct(health.loopTarget)})</span>
          </dd>
        </div>
        <div>
          <dt>Flags that led to a change</dt>
          <dd>
            {pct(health.loop.changed)} <span class="muted">(aim ≥ {pct(health.loopTarget)})</span>
          </dd>
        </div>
        <div>
          <dt>Flags that became a test of change</dt>
          <dd>{pct(health.growth.tested)}</dd>
        </div>
        <div>
          <dt>Time to first answer (median / 90th percentile)</dt>
          <dd>
            {num(health.firstAnswer.medianMinutes, ' min')} / {num(health.firstAnswer.p90Minutes, ' min')}
          </dd>
        </div>
        <div>
          <dt>Answered within SLA</dt>
          <dd>{pct(health.firstAnswer.withinSla)}</dd>
        </div>
        <div>
          <dt>Open past SLA</dt>
          <dd>{num(health.openPastSla)}</dd>
        </div>
        <div>
          <dt>Answers per mentor (min / median / max)</dt>
          <dd>
            {health.mentorLoad.mentors === 0
              ? 'no answers yet'
              : `${health.mentorLoad.min} / ${health.mentorLoad.median} / ${health.mentorLoad.max} across ${health.mentorLoad.mentors}`}
          </dd>
        </div>
        <div>
          <dt>Knowledge-base deflections</dt>
          <dd>{num(health.kbDeflections)}</dd>
        </div>
      </dl>
      <h3>Mentor recognition</h3>
      <p class="muted">What mentoring gave back across the organisation; counts only, never a list or a ranking.</p>
      <dl class="metrics">
        <div>
          <dt>Thank-yous sent to mentors</dt>
          <dd>{health.growth.thanks}</dd>
        </div>
        <div>
          <dt>Answers marked helpful</dt>
          <dd>{health.growth.markedHelpful}</dd>
        </div>
        <div>
          <dt>Mentors thanked</dt>
          <dd>{health.growth.mentorsThanked}</dd>
        </div>
        <div>
          <dt>Tips written for screens</dt>
          <dd>{health.growth.tipsWritten}</dd>
        </div>
      </dl>
      <div class="charts">
        <WeeklyChart
          title="Flags per week"
          unit="flags"
          kind="bars"
          weeks={health.flagsPerWeek.map((w) => w.week)}
          values={health.flagsPerWeek.map((w) => w.count)}
        />
        <WeeklyChart
          title="Questions per week"
          unit="questions"
          kind="bars"
          weeks={health.questionsPerWeek.map((w) => w.week)}
          values={health.questionsPerWeek.map((w) => w.count)}
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
          {[
            ...health.byUnit.map((u) => ({ ...u, name: dashboard.unitName(u.unitId) })),
            { ...health.otherUnits, name: 'Other units' },
          ]
            .filter((u) => u.flags > 0)
            .map((u) => (
              <tr key={'unitId' in u ? (u.unitId ?? 'none') : 'other'}>
                <th scope="row">{u.name}</th>
                <td class="num">{u.flags}</td>
                <td class="num">{pct(u.responded)}</td>
                <td class="num">{pct(u.changed)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <ul class="muted">
        {health.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </section>
  );
}
