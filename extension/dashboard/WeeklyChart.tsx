import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { WEEK_MS, weekOf, weekStart } from '../../shared/cost';
import { loadUplot, themeColours, weekLabel, wholeTicks } from './charts';

interface Props {
  title: string;
  /** Start of each week (ISO), oldest first, one per value. */
  weeks: readonly string[];
  values: readonly number[];
  /** What a value counts, for the axis and the hover read-out ("flags"). */
  unit: string;
  kind?: 'line' | 'bars';
  height?: number;
}

/**
 * Counts per week as a uPlot chart (labelled weeks and axis, the value under the cursor), with the same
 * numbers as a table for screen readers: the canvas is aria-hidden, the table is the accessible version.
 */
export function WeeklyChart({ title, weeks, values, unit, kind = 'line', height = 160 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const key = `${weeks.join()}|${values.join()}|${kind}|${height}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key covers weeks/values/kind/height by value.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | undefined;
    let resize: ResizeObserver | undefined;
    let gone = false;
    loadUplot()
      .then((UPlot) => {
        if (gone) return;
        const c = themeColours(el);
        const axis = { stroke: c.fg, grid: { stroke: c.line, width: 1 }, ticks: { stroke: c.line, width: 1 } };
        const opts: uPlot.Options = {
          width: Math.max(240, el.clientWidth),
          height,
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          axes: [
            { ...axis, space: 48, values: (_u, splits) => splits.map((s) => weekLabel(s * 1000)) },
            { ...axis, label: unit, values: wholeTicks, size: 40 },
          ],
          series: [
            { label: 'Week of', value: (_u, v) => (v == null ? '—' : weekLabel(v * 1000)) },
            {
              label: unit,
              stroke: c.accent,
              width: 2,
              fill: kind === 'bars' ? c.accent : undefined,
              paths: kind === 'bars' ? UPlot.paths.bars?.({ size: [0.6, 48] }) : undefined,
              points: { show: kind === 'line' },
            },
          ],
          cursor: { drag: { x: false, y: false } },
        };
        chart = new UPlot(opts, [weeks.map((w) => Date.parse(w) / 1000), [...values]], el);
        resize = new ResizeObserver(() => chart?.setSize({ width: Math.max(240, el.clientWidth), height }));
        resize.observe(el);
      })
      // Without a canvas (or the chunk) the table below still carries every number.
      .catch(() => {});
    return () => {
      gone = true;
      resize?.disconnect();
      chart?.destroy();
    };
  }, [key]);

  return (
    <figure class="weekly-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} class="chart-box" aria-hidden="true" />
      <table class="visually-hidden">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col">{unit}</th>
          </tr>
        </thead>
        <tbody>
          {weeks.map((w, i) => (
            <tr key={w}>
              <th scope="row">{weekLabel(w)}</th>
              <td>{values[i] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/**
 * The weeks a hotspot's trend covers: the list's weeks when it has them (they end with the filtered
 * range's last week), else the last `n` weeks ending with this one.
 */
export function trendWeeks(n: number, listWeeks: readonly string[] | undefined, now = Date.now()): string[] {
  if (listWeeks?.length === n) return [...listWeeks];
  const last = weekStart(weekOf(now));
  return Array.from({ length: n }, (_, i) => new Date(last - (n - 1 - i) * WEEK_MS).toISOString());
}
