import type uPlot from 'uplot';

/**
 * uPlot, loaded on first use: charts draw after the dashboard's first paint, and no other surface pays
 * for the library. Its stylesheet comes with it.
 */
let loading: Promise<typeof uPlot> | undefined;
export function loadUplot(): Promise<typeof uPlot> {
  // Without a 2D canvas there is nothing to draw on, and uPlot would throw on a later tick, past the
  // callers' catch: they show the numbers without the chart instead.
  if (!document.createElement('canvas').getContext('2d')) return Promise.reject(new Error('No 2D canvas'));
  loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([mod]) => mod.default);
  return loading;
}

const WEEK = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** "3 Nov": the Monday a week starts (UTC, as every weekly window in Curbside). */
export function weekLabel(start: string | number): string {
  return WEEK.format(new Date(start));
}

/** Theme colours read from the page (theme.css), so charts follow light and dark mode. */
export function themeColours(el: Element) {
  const css = getComputedStyle(el);
  const read = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return { accent: read('--accent', '#0b5cad'), fg: read('--fg', '#1b1f24'), line: read('--line', '#d0d7de') };
}

/** Counts are whole numbers: the y axis labels only integer ticks. */
export const wholeTicks = (_u: uPlot, splits: number[]) => splits.map((v) => (Number.isInteger(v) ? String(v) : ''));
