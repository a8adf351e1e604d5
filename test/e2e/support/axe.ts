import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  targets: string[];
}

/** Minor and moderate findings, per page state, reported as information at the end of a file. */
export const accessibilityNotes: string[] = [];

/**
 * Runs axe-core (WCAG 2.x A/AA and best practices) on the page as it is now. Returns the serious
 * and critical violations, which the caller expects to be none; the rest are noted for the report.
 * The script is evaluated over DevTools, which extension pages' CSP permits.
 */
export async function axeViolations(page: Page, state: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Axe = {
      run: (
        context: Document,
        options: object,
      ) => Promise<{
        violations: Array<{
          id: string;
          impact: Violation['impact'];
          help: string;
          nodes: Array<{ target: unknown[] }>;
        }>;
      }>;
    };
    const axe = (globalThis as unknown as { axe: Axe }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  // Layout, beside axe's rules: nothing may push the page sideways (the popup is 380 px wide).
  // The body's width, not the window's: a test popup's window is 380 px and its scroll bar takes 15 of them,
  // where Chrome widens a real popup to fit; what matters is content wider than the body.
  const overflow = await page.evaluate(() => {
    const body = document.body;
    if (body.scrollWidth <= body.clientWidth + 1) return null;
    const edge = body.getBoundingClientRect().right;
    const wide = [...body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > edge + 1)
      .slice(-3)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`,
      );
    return `${body.scrollWidth} px of content in ${body.clientWidth} px (${wide.join(', ')})`;
  });
  if (overflow)
    violations.push({
      id: 'horizontal-overflow',
      impact: 'serious',
      help: `scrolls sideways: ${overflow}`,
      targets: [],
    });
  const line = (v: Violation) => `${v.impact} ${v.id}: ${v.help} (${v.targets.join(', ')})`;
  for (const v of violations.filter((x) => x.impact !== 'serious' && x.impact !== 'critical'))
    accessibilityNotes.push(`${state}: ${line(v)}`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${state}: ${line(v)}`);
}

/** Prints the minor and moderate findings once, so the report shows them without failing the run. */
export function printAccessibilityNotes(title: string): void {
  const unique = [...new Set(accessibilityNotes)];
  console.info(
    unique.length === 0
      ? `axe (${title}): no minor or moderate findings either`
      : `axe (${title}): ${unique.length} minor/moderate finding(s), for information:\n  ${unique.join('\n  ')}`,
  );
  accessibilityNotes.length = 0;
}
