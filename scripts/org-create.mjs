// npm run org:create -- NAME [--local] [--dir DIR] [--persist-to DIR] [--location HINT] [--jurisdiction eu]
//
// One organisation, one D1 database: creates `curbside-NAME` with `wrangler d1 create` (or, with --local,
// only a local database, offline), writes orgs/NAME/wrangler.jsonc (the production settings with the
// organisation's Worker name, database and rate-limit namespaces) and applies every migration to it.
// The extension is the same build for every organisation; each one's IT points it at its own API by
// policy (apiUrl, docs/it-admin.md).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, runSync } from './lib.mjs';
import { listOrgs, localDatabaseId, migrateOrg, ORG_NAME, ORGS_DIR, orgConfig } from './orgs.mjs';

export function parseArgs(argv) {
  const opts = { local: false, dir: ORGS_DIR, persistTo: undefined, d1Flags: [] };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--local') opts.local = true;
    else if (a === '--dir') opts.dir = resolve(argv[++i] ?? '');
    else if (a === '--persist-to') opts.persistTo = resolve(argv[++i] ?? '');
    else if (a === '--location' || a === '--jurisdiction') opts.d1Flags.push(a, argv[++i] ?? '');
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
    else rest.push(a);
  }
  if (rest.length !== 1) throw new Error('usage: npm run org:create -- NAME [--local] [--dir DIR] [--persist-to DIR]');
  opts.name = rest[0];
  if (!ORG_NAME.test(opts.name))
    throw new Error(`"${opts.name}" is not a usable name: lowercase letters, digits and hyphens, 3–42 characters`);
  return opts;
}

/** The id `wrangler d1 create` printed (its config snippet carries "database_id"). */
export function databaseIdFrom(output) {
  const id = /"?database_id"?\s*[:=]\s*"([0-9a-f-]{36})"/i.exec(output)?.[1];
  if (!id) throw new Error(`could not find the new database's id in wrangler's answer:\n${output}`);
  return id;
}

/** A path as the user would type it: relative to the checkout when inside it. */
const shown = (p) => (relative(ROOT, p).startsWith('..') ? p : relative(ROOT, p));

export function createOrg(opts) {
  const configDir = join(opts.dir, opts.name);
  const configFile = join(configDir, 'wrangler.jsonc');
  if (existsSync(configFile)) throw new Error(`${shown(configFile)} exists already: ${opts.name} was created`);
  const index = listOrgs(opts.dir).length + 1;

  let databaseId;
  if (opts.local) {
    databaseId = localDatabaseId(opts.name);
    console.log(
      `Local only: curbside-${opts.name} gets a stand-in id (${databaseId}); nothing is created on Cloudflare.`,
    );
  } else {
    console.log(`Creating the D1 database curbside-${opts.name}…`);
    const res = runSync('wrangler', ['d1', 'create', `curbside-${opts.name}`, ...opts.d1Flags], { quiet: true });
    databaseId = databaseIdFrom(`${res.stdout}${res.stderr}`);
  }

  mkdirSync(configDir, { recursive: true });
  const config = orgConfig({ name: opts.name, databaseId, index, configDir });
  const header = [
    `// ${opts.name}: made by \`npm run org:create\`${opts.local ? ' --local (a local database only)' : ''}.`,
    `// Deploy: npx wrangler deploy -c ${shown(configFile)}. Migrations: npm run migrate:all.`,
  ].join('\n');
  writeFileSync(configFile, `${header}\n${JSON.stringify(config, null, 2)}\n`);
  console.log(`Wrote ${shown(configFile)}.`);

  console.log(`Applying migrations to curbside-${opts.name}${opts.local ? ' (local)' : ''}…`);
  migrateOrg(
    { name: opts.name, config: configFile },
    // Like migrate:all: each organisation's local database in its own folder under --persist-to.
    { local: opts.local, persistTo: opts.persistTo ? join(opts.persistTo, opts.name) : undefined },
  );
  return { configFile, databaseId, workerName: config.name };
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { configFile, workerName } = createOrg(opts);
  const c = shown(configFile);
  console.log(
    [
      '',
      `${opts.name} is ready${opts.local ? ' locally' : ''}. Next:`,
      `  npx wrangler secret put BOOTSTRAP_CODE -c ${c}     (the first admin's one-time code)`,
      `  openssl rand -hex 32 | npx wrangler secret put AUDIT_SPAN_KEY -c ${c}`,
      `  npx wrangler deploy -c ${c}`,
      `Then ${opts.name}'s IT sets the extension's policy apiUrl to the Worker's https address`,
      `(https://${workerName}.<your-subdomain>.workers.dev, or the custom domain you route to it); see docs/it-admin.md.`,
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (e) {
    console.error(`org:create: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
