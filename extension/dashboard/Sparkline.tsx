interface Props {
  values: readonly number[];
  label: string;
  width?: number;
  height?: number;
}

/**
 * A weekly trend as a small SVG line. Hand-drawn rather than a chart library: twelve points need
 * no dependency, and the accessible name carries every value for screen readers.
 */
export function Sparkline({ values, label, width = 96, height = 24 }: Props) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 2 - (v / max) * (height - 4)).toFixed(1)}`);
  return (
    <svg
      class="sparkline"
      role="img"
      aria-label={`${label}: ${values.join(', ')}`}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
    >
      <polyline points={points.join(' ')} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
