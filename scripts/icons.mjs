#!/usr/bin/env node
// `npm run icons`: renders extension/assets/logo.svg into the toolbar and store icons WXT picks up from
// extension/public/icon/<size>.png. Run after changing the logo; the PNGs are committed so a build needs
// no image tooling. Uses the same Debian Chromium as the browser tests.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium as playwright } from 'playwright-core';
import { ROOT } from './lib.mjs';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`icons: no Chromium at ${executablePath}. Install Debian's chromium or set CHROMIUM_PATH.`);
  process.exit(1);
}
const svg = readFileSync(join(ROOT, 'extension', 'assets', 'logo.svg'), 'utf8');
const outDir = join(ROOT, 'extension', 'public', 'icon');
mkdirSync(outDir, { recursive: true });
const browser = await playwright.launch({ executablePath, args: ['--headless=new'] });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: join(outDir, `${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons: written to ${outDir}`);
