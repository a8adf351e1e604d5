// npm run migrate:all [-- --local] [--dir DIR] [--persist-to DIR]
//
// Applies every pending migration to every organisation's database (orgs/*/wrangler.jsonc), one after
// another, stopping at the first failure so a release never runs code ahead of a database.
// `npm run release` runs it first. With --local, each organisation's local database is migrated instead
// (under --persist-to DIR/NAME when given), which is how the test exercises it offline.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listOrgs, migrateOrg, ORGS_DIR } from './orgs.mjs';

export function parseArgs(argv) {
  const opts = { local: false, dir: ORGS_DIR, persistTo: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--local') opts.local = true;
    else if (a === '--dir') opts.dir = resolve(argv[++i] ?? '');
    else if (a === '--persist-to') opts.persistTo = resolve(argv[++i] ?? '');
    else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

/** Migrates each organisation in `dir`; returns their names. */
export function migrateAll({ local = false, dir = ORGS_DIR, persistTo } = {}) {
  const orgs = listOrgs(dir);
  for (const org of orgs) {
    console.log(`\n${org.name}: applying migrations${local ? ' (local)' : ''}…`);
    migrateOrg(org, { local, persistTo: persistTo ? join(persistTo, org.name) : undefined });
  }
  return orgs.map((o) => o.name);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const names = migrateAll(parseArgs(process.argv.slice(2)));
    console.log(
      names.length
        ? `\nMigrated ${names.length} organisation(s): ${names.join(', ')}.`
        : 'No organisations under orgs/ (npm run org:create -- NAME makes one); a single deployment migrates with npm run deploy.',
    );
  } catch (e) {
    console.error(`migrate:all: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
