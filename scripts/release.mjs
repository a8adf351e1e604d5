// npm run release: first migrates every organisation's database (orgs/*/wrangler.jsonc, made by
// `npm run org:create`; `--skip-migrate` leaves them), then builds and zips the extension for Chrome/Edge
// and for Firefox (gecko id in wxt.config.ts). One build serves every organisation: each one's IT points
// it at its own API by policy (apiUrl). Set WXT_API_URL for a single organisation's default, and
// CURBSIDE_EXTENSION_KEY for a fixed Chrome id.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runSync } from './lib.mjs';
import { migrateAll } from './migrate-all.mjs';
import { listOrgs } from './orgs.mjs';

const orgs = listOrgs();
if (orgs.length && !process.argv.includes('--skip-migrate')) {
  try {
    // Databases first: a worker deployed after this release must never meet a database behind it.
    migrateAll();
  } catch (e) {
    console.error(`Not releasing: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
  console.log(`\nEvery organisation's database is migrated (${orgs.map((o) => o.name).join(', ')}).`);
}

const apiUrl = process.env.WXT_API_URL?.trim();
if (!apiUrl && orgs.length)
  console.log(`No WXT_API_URL: each of the ${orgs.length} organisations sets apiUrl by policy (docs/it-admin.md).`);
else if (!apiUrl)
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
