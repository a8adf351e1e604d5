// npm run release: builds and zips the extension for Chrome/Edge and for Firefox (gecko id in
// wxt.config.ts). Set WXT_API_URL to your API, and CURBSIDE_EXTENSION_KEY for a fixed Chrome id.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runSync } from './lib.mjs';

const apiUrl = process.env.WXT_API_URL?.trim();
if (!apiUrl)
  console.warn(
    'WXT_API_URL is not set: the build defaults to http://127.0.0.1:8787. Fine only if IT sets apiUrl by policy.',
  );
else if (!apiUrl.startsWith('https://')) {
  console.error(`Not releasing: WXT_API_URL must start with https:// (got ${apiUrl}).`);
  process.exit(1);
}
console.log(
  process.env.CURBSIDE_EXTENSION_KEY
    ? 'CURBSIDE_EXTENSION_KEY set: the Chrome/Edge build has a fixed extension id.'
    : 'CURBSIDE_EXTENSION_KEY not set: Chrome assigns the id (the Web Store id, or a random one unpacked).',
);

try {
  runSync('wxt', ['zip']);
  runSync('wxt', ['zip', '-b', 'firefox']);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
const outDir = process.env.CURBSIDE_OUT_DIR || join(ROOT, '.output');
const zips = readdirSync(outDir).filter((f) => f.endsWith('.zip'));
console.log(`\nRelease files in ${outDir}:\n${zips.map((z) => `  ${z}`).join('\n')}`);
