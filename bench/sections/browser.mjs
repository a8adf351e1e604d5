// Browser timings: the popup from opening to interactive (signed in, home view) in Debian's Chromium,
// median of 20 openings, beside a one-button loopback page loaded the same way in the same browser.
// Inbox and dashboard first render with 10k flags are not measured yet.
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { freePort, median, pendingRow, ROOT, row, runTool, stopProcess } from '../lib.mjs';
import { bundleWorker, prepareDatabase, rateLimitArgs, serveWorker } from '../workers.mjs';

export const order = 40;
export const title = 'Browser timings (Chromium, built extension, real worker on loopback)';

const SECTION = 'browser';
const RUNS = 20;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function timeUntilVisible(page, url, locator) {
  const started = performance.now();
  await page.goto(url);
  await locator(page).waitFor({ state: 'visible' });
  return performance.now() - started;
}

export async function run(ctx) {
  if (!existsSync(CHROMIUM))
    return [row(SECTION, 'popup open → interactive', { figure: `no Chromium at ${CHROMIUM}` })];
  const persist = join(ctx.tmp, 'browser-d1');
  await prepareDatabase(persist, { seed: true });
  const limits = rateLimitArgs();
  const entry = await bundleWorker(join(ctx.tmp, 'browser-bundle'));
  const worker = await serveWorker(entry, {
    persist,
    logFile: join(ctx.tmp, 'browser-worker.log'),
    args: [...limits.env, ...limits.vars],
  });
  const outDir = join(ctx.tmp, 'browser-wxt');
  await runTool('wxt', ['build'], { env: { CURBSIDE_OUT_DIR: outDir, WXT_API_URL: worker.url } });

  // The baseline: the smallest page with one button, from loopback, in the same browser.
  const port = await freePort();
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>baseline</title><button>Flag friction</button>');
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));

  const { launchWithExtension } = await import(join(ROOT, 'test', 'e2e', 'support', 'browser.ts'));
  const b = await launchWithExtension(join(outDir, 'chrome-mv3'));
  try {
    const popupUrl = `chrome-extension://${b.extensionId}/popup.html`;
    const page = await b.context.newPage();
    await page.setViewportSize({ width: 380, height: 600 });
    await page.goto(popupUrl);
    await page.getByLabel('Code').fill('DEMO-CLINICIAN');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const home = (p) => p.getByRole('button', { name: 'Flag friction' });
    await home(page).waitFor();

    const popup = [];
    const baseline = [];
    for (let i = 0; i < RUNS + 3; i++) {
      // Alternate, so drift on a shared machine weighs on both; the first three are warm-up.
      const p = await timeUntilVisible(page, popupUrl, home);
      const q = await timeUntilVisible(page, `http://127.0.0.1:${port}/`, (x) => x.getByRole('button'));
      if (i >= 3) {
        popup.push(p);
        baseline.push(q);
      }
    }
    const [fig, base] = [median(popup), median(baseline)];
    ctx.log(`popup open → interactive: median ${fig.toFixed(1)} ms (baseline page ${base.toFixed(1)} ms)`);
    return [
      row(SECTION, 'popup open → interactive (signed in, median of 20)', {
        figure: Number(fig.toFixed(1)),
        unit: 'ms',
        baseline: Number(base.toFixed(1)),
        ratio: Number((fig / base).toFixed(2)),
        note: 'baseline: a one-button page from loopback in the same browser, loaded the same way',
      }),
      pendingRow(SECTION, 'inbox and dashboard first render with 10k flags', 'not measured yet'),
    ];
  } finally {
    await b.close();
    server.close();
    await stopProcess(worker.child);
  }
}
