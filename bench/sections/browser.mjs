// Browser timings in Debian's Chromium with the built extension, each the median of 20 loads beside a
// one-button loopback page loaded the same way in the same browser (alternating, after 3 warm-ups):
//   - the popup from opening to interactive (signed in, home view), on the demo organisation;
//   - the dashboard (a lead) to its first hotspot row, and the mentor inbox (routed to the topic of
//     the questions waiting) to its first question, once the organisation holds 10,000 flags,
//     written by bench/seed-worker/ through the product's own write path, the same D1 and API address.
// Each load is timed by the page's own clock, from navigation start to the first animation frame that
// shows the target (timeUntilShown).
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { freePort, median, ROOT, row, runTool, stopProcess } from '../lib.mjs';
import {
  bundleWorker,
  enroll,
  prepareDatabase,
  rateLimitArgs,
  SEED_CONFIG,
  seedFlags,
  serveWorker,
} from '../workers.mjs';

export const order = 40;
export const title = 'Browser timings (Chromium, built extension, real worker on loopback)';

const SECTION = 'browser';
const RUNS = 20;
const FLAGS = 10_000;
const REPORTERS = 40;
const QUESTIONS = 120;
const TOPIC = 'topic-ehr-doc';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * In the page, checked every animation frame: the page's own clock (ms since its navigation started) once
 * an element matching `selector` (and holding `text`, if given) has a box on screen; null before.
 */
function shownAt({ selector, text }) {
  for (const el of document.querySelectorAll(selector)) {
    if (text && !el.textContent.includes(text)) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden') return performance.now();
  }
  return null;
}

/**
 * Ms from navigation start to the first frame that shows `target`, by the page's own clock. Timed in the
 * page because Playwright's own waiting polls at 0, 20, 50, 100 ms and then every 500 ms, which moves a
 * figure in steps of up to half a second; the baseline page is timed the same way.
 */
async function timeUntilShown(page, url, target) {
  await page.goto(url, { waitUntil: 'commit' });
  const shown = await page.waitForFunction(shownAt, target, { polling: 'raf', timeout: 60_000 });
  return shown.jsonValue();
}

const BASELINE_TARGET = { selector: 'button' };

/** Median ms of `RUNS` loads of `url` until `target` is shown, alternating with the baseline page. */
async function medians(page, url, target, baselineUrl) {
  const figure = [];
  const baseline = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const p = await timeUntilShown(page, url, target);
    const q = await timeUntilShown(page, baselineUrl, BASELINE_TARGET);
    if (i >= 3) {
      figure.push(p);
      baseline.push(q);
    }
  }
  return { figure: median(figure), baseline: median(baseline) };
}

// Issue 19's goals: the popup within 1.2× of a one-button page, dashboard and inbox within 1.4×.
const POPUP_GOAL = 1.2;
const PAGE_GOAL = 1.4;

function timingRow(name, m, note, goal) {
  const ratio = m.figure / m.baseline;
  return row(SECTION, name, {
    figure: Number(m.figure.toFixed(1)),
    unit: 'ms',
    baseline: Number(m.baseline.toFixed(1)),
    ratio: Number(ratio.toFixed(2)),
    goal: `≤ ${goal}× one-button page`,
    pass: ratio <= goal,
    note,
  });
}

export async function run(ctx) {
  if (!existsSync(CHROMIUM))
    return [row(SECTION, 'popup open → interactive', { figure: `no Chromium at ${CHROMIUM}` })];
  const persist = join(ctx.tmp, 'browser-d1');
  await prepareDatabase(persist, { seed: true });
  const limits = rateLimitArgs();
  const entry = await bundleWorker(join(ctx.tmp, 'browser-bundle'), { args: limits.env });
  const serveApi = (port) =>
    serveWorker(entry, {
      persist,
      port,
      logFile: join(ctx.tmp, 'browser-worker.log'),
      args: [...limits.env, ...limits.vars],
    });
  let worker = await serveApi();
  const outDir = join(ctx.tmp, 'browser-wxt');
  await runTool('wxt', ['build'], { env: { CURBSIDE_OUT_DIR: outDir, WXT_API_URL: worker.url } });

  // The baseline: the smallest page with one button, from loopback, in the same browser.
  const port = await freePort();
  const server = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>baseline</title><button>Flag friction</button>');
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  const baselineUrl = `http://127.0.0.1:${port}/`;
  const baselineNote =
    'baseline: a one-button page from loopback in the same browser, loaded the same way; both timed by the page’s clock from navigation start to the first frame showing the target';

  const { launchWithExtension } = await import(join(ROOT, 'test', 'e2e', 'support', 'browser.ts'));
  const { sessionOf } = await import(join(ROOT, 'test', 'e2e', 'support', 'extension.ts'));
  const { apiClient } = await import(join(ROOT, 'test', 'e2e', 'support', 'api.ts'));
  // The worker is restarted on the same address after seeding, so one client serves throughout.
  const api = apiClient(worker.url);
  const extensionDir = join(outDir, 'chrome-mv3');
  /** A fresh browser profile signed in with `code` through the popup page; returns it and its page. */
  async function signedIn(code, viewport) {
    const b = await launchWithExtension(extensionDir);
    const page = await b.context.newPage();
    await page.setViewportSize(viewport);
    await page.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Flag friction' }).waitFor();
    return { b, page };
  }

  const rows = [];
  try {
    {
      const { b, page } = await signedIn('DEMO-CLINICIAN', { width: 380, height: 600 });
      try {
        const home = { selector: 'button', text: 'Flag friction' };
        const m = await medians(page, `chrome-extension://${b.extensionId}/popup.html`, home, baselineUrl);
        ctx.log(
          `popup open → interactive: median ${m.figure.toFixed(1)} ms (baseline page ${m.baseline.toFixed(1)} ms)`,
        );
        rows.push(timingRow('popup open → interactive (signed in, median of 20)', m, baselineNote, POPUP_GOAL));
      } finally {
        await b.close();
      }
    }

    // 10,000 flags from 40 reporters, through the product's write path, and questions in one topic.
    const clinician = await enroll(worker.url, 'clinician', 'Bench asker');
    for (let i = 0; i < QUESTIONS; i++) {
      await api.ask(clinician, {
        text: `How do I reconcile home medications when the pharmacy list is stale (case ${i})?`,
        topicId: TOPIC,
        disciplineWanted: 'any',
        urgency: i % 4 === 0 ? 'today' : 'this_week',
      });
    }
    const users = [];
    for (let i = 0; i < REPORTERS; i++)
      users.push({ id: (await enroll(worker.url, 'clinician', `Reporter ${i}`)).user.id });
    const apiPort = Number(new URL(worker.url).port);
    await stopProcess(worker.child);
    const seeder = await serveWorker(
      await bundleWorker(join(ctx.tmp, 'browser-seed-bundle'), { config: SEED_CONFIG }),
      {
        config: SEED_CONFIG,
        persist,
        logFile: join(ctx.tmp, 'browser-seed.log'),
      },
    );
    await seedFlags(seeder.url, { from: 0, to: FLAGS, users });
    const { flags } = await (await fetch(`${seeder.url}/count`)).json();
    await stopProcess(seeder.child);
    ctx.log(`seeded ${flags} flags from ${REPORTERS} reporters and ${QUESTIONS} questions`);
    worker = await serveApi(apiPort);

    const desktop = { width: 1280, height: 800 };
    const scaleNote = `${flags} flags in D1 (${REPORTERS} reporters, 12 weeks); ${baselineNote}`;
    {
      const { b, page } = await signedIn('DEMO-LEAD', desktop);
      try {
        const firstRow = { selector: 'table.hotspots tbody tr' };
        const m = await medians(page, `chrome-extension://${b.extensionId}/dashboard.html`, firstRow, baselineUrl);
        ctx.log(`dashboard first render: median ${m.figure.toFixed(1)} ms (baseline page ${m.baseline.toFixed(1)} ms)`);
        rows.push(
          timingRow(
            `dashboard first render, ${flags / 1000}k flags (lead, first hotspot row, median of 20)`,
            m,
            scaleNote,
            PAGE_GOAL,
          ),
        );
      } finally {
        await b.close();
      }
    }
    {
      const { b, page } = await signedIn('DEMO-MENTOR', desktop);
      try {
        await api.mentorTopics(await sessionOf(b), [TOPIC]);
        const firstItem = { selector: 'ul[aria-label="Questions"] li' };
        const m = await medians(page, `chrome-extension://${b.extensionId}/inbox.html`, firstItem, baselineUrl);
        ctx.log(`inbox first render: median ${m.figure.toFixed(1)} ms (baseline page ${m.baseline.toFixed(1)} ms)`);
        rows.push(
          timingRow(
            `inbox first render, ${flags / 1000}k flags (mentor, first of ${QUESTIONS} questions, median of 20)`,
            m,
            `the mentor is routed to the topic of the ${QUESTIONS} questions waiting; ${scaleNote}`,
            PAGE_GOAL,
          ),
        );
      } finally {
        await b.close();
      }
    }
    return rows;
  } finally {
    server.close();
    await stopProcess(worker.child);
  }
}
