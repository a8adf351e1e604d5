import { useEffect, useRef } from 'preact/hooks';
import type uPlot from 'uplot';
import { loadUplot, themeColours } from './charts';

interface Props {
  values: readonly number[];
  label: string;
  width?: number;
  height?: number;
}

/**
 * A weekly trend in a table row: a bare uPlot line (no axes or legend, the row says what it is). The
 * accessible name carries every value, so screen readers get the numbers the line shows.
 */
export function Sparkline({ values, label, width = 96, height = 24 }: Props) {
  const box = useRef<HTMLSpanElement>(null);
  const key = `${values.join()}|${width}|${height}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key covers values/width/height by value.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let chart: uPlot | undefined;
    let gone = false;
    loadUplot()
      .then((UPlot) => {
        if (gone) return;
        const opts: uPlot.Options = {
          width,
          height,
          legend: { show: false },
          cursor: { show: false },
          axes: [{ show: false }, { show: false }],
          scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          series: [{}, { stroke: themeColours(el).accent, width: 1.5, points: { show: false } }],
        };
        chart = new UPlot(opts, [values.map((_, i) => i), [...values]], el);
      })
      // Without a canvas the accessible name still carries every value.
      .catch(() => {});
    return () => {
      gone = true;
      chart?.destroy();
    };
  }, [key]);

  return (
    <span
      ref={box}
      class="sparkline"
      role="img"
      aria-label={`${label}: ${values.join(', ')}`}
      style={{ width: `${width}px`, height: `${height}px` }}
    />
  );
}
