// Browser timings in Debian's Chromium with the built extension, each the median of 20 loads beside a
// one-button loopback page loaded the same way in the same browser (alternating, after 3 warm-ups):
//   - the popup from opening to interactive (signed in, home view), on the demo organisation;
//   - the dashboard (a lead) to its first hotspot row, and the mentor inbox (routed to the topic of
//     the questions waiting) to its first question, once the organisation holds 10,000 flags,
//     written by bench/seed-worker/ through the product's own write path, the same D1 and API address.
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

async function timeUntilVisible(page, url, locator) {
  const started = performance.now();
  await page.goto(url);
  await locator(page).waitFor({ state: 'visible' });
  return performance.now() - started;
}

/** Median ms of `RUNS` loads of `url` until `ready` is visible, alternating with the baseline page. */
async function medians(page, url, ready, baselineUrl) {
  const figure = [];
  const baseline = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const p = await timeUntilVisible(page, url, ready);
    const q = await timeUntilVisible(page, baselineUrl, (x) => x.getByRole('button'));
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
  const baselineNote = 'baseline: a one-button page from loopback in the same browser, loaded the same way';

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
        const home = (p) => p.getByRole('button', { name: 'Flag friction' });
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
        const firstRow = (p) => p.locator('table.hotspots tbody tr').first();
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
        const firstItem = (p) => p.getByRole('list', { name: 'Questions' }).locator('li').first();
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
