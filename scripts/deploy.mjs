// npm run deploy: applies the D1 migrations to the production database, then deploys the Workers the API
// calls over service bindings (the identifier detector, wrangler.detector.jsonc, as DETECTOR; the message
// sender, wrangler.sender.jsonc, as SENDER; the ID token verifier, wrangler.verifier.jsonc, as VERIFIER)
// and then the API.
// Refuses while wrangler.jsonc still holds the placeholder database id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseJsonc, ROOT, runSync } from './lib.mjs';

const ENV = 'production';
const PLACEHOLDERS = new Set(['REPLACE_WITH_YOUR_D1_DATABASE_ID', '00000000-0000-0000-0000-000000000000', '']);

/** Why this config cannot be deployed, or null when it can. */
export function deployProblem(configText, env = ENV) {
  const config = parseJsonc(configText);
  const db = config.env?.[env]?.d1_databases?.find((d) => d.binding === 'DB');
  if (!db) return `wrangler.jsonc has no D1 database bound as DB under env.${env}.`;
  if (PLACEHOLDERS.has(String(db.database_id ?? '').trim()))
    return [
      `wrangler.jsonc still has the placeholder database id under env.${env}.`,
      'Create the database and put its id there first:',
      '  npx wrangler d1 create curbside',
      `  (copy the "database_id" it prints into env.${env}.d1_databases[0].database_id)`,
    ].join('\n');
  return null;
}

function main() {
  const problem = deployProblem(readFileSync(join(ROOT, 'wrangler.jsonc'), 'utf8'));
  if (problem) {
    console.error(`Not deploying: ${problem}`);
    process.exit(1);
  }
  console.log(`Applying D1 migrations to the ${ENV} database…`);
  runSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--remote', '--env', ENV]);
  // The bound Workers first: an API deployed before them would find no Worker behind its bindings.
  console.log('Deploying the identifier detector (curbside-detector)…');
  runSync('wrangler', ['deploy', '-c', 'wrangler.detector.jsonc', '--env', ENV]);
  console.log('Deploying the message sender (curbside-sender)…');
  runSync('wrangler', ['deploy', '-c', 'wrangler.sender.jsonc', '--env', ENV]);
  console.log('Deploying the ID token verifier (curbside-verifier)…');
  runSync('wrangler', ['deploy', '-c', 'wrangler.verifier.jsonc', '--env', ENV]);
  console.log('Deploying the API (curbside-api)…');
  runSync('wrangler', ['deploy', '--env', ENV]);
  console.log(
    [
      '',
      'Deployed. On a fresh database, the first admin enrolls with the BOOTSTRAP_CODE secret',
      `(npx wrangler secret put BOOTSTRAP_CODE --env ${ENV}); it works once, while there are no users.`,
      'Confirmed identifier spans are audited under the AUDIT_SPAN_KEY secret, one random value per deployment',
      `(openssl rand -hex 32 | npx wrangler secret put AUDIT_SPAN_KEY --env ${ENV}); without it, by kind alone.`,
    ].join('\n'),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
