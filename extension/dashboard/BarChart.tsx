interface Props {
  title: string;
  bars: readonly { label: string; value: number }[];
  height?: number;
}

/**
 * Bars drawn as SVG with a data table beside them for screen readers and for anyone who wants
 * the numbers: the chart is aria-hidden, the table is the accessible version.
 */
export function BarChart({ title, bars, height = 120 }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const barWidth = 24;
  const gap = 6;
  const width = bars.length * (barWidth + gap);
  return (
    <figure class="bar-chart">
      <figcaption>{title}</figcaption>
      <svg aria-hidden="true" width={width} height={height + 16} viewBox={`0 0 ${width} ${height + 16}`}>
        {bars.map((b, i) => {
          const h = (b.value / max) * height;
          return (
            <g key={b.label}>
              <rect
                x={i * (barWidth + gap)}
                y={height - h}
                width={barWidth}
                height={h}
                fill="currentColor"
                opacity="0.75"
              />
              <text x={i * (barWidth + gap) + barWidth / 2} y={height + 12} text-anchor="middle" font-size="10">
                {b.value}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
