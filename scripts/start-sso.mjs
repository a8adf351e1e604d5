#!/usr/bin/env node
// `npm run start:sso`: `npm start` plus a local OpenID provider with demo users, registered in the local
// database as the organisation's identity provider, so "Sign in with your organisation" can be tried
// without an Entra ID, Okta or Google tenant. Synthetic users only; nothing leaves this machine.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, runSync, toolEnv } from './lib.mjs';
import { DEMO_PUBLIC_CLIENT, DEMO_USERS, startOidcProvider } from './oidc-dev-provider.mjs';

const PORT = Number(process.env.CURBSIDE_OIDC_PORT ?? 9400);
const provider = await startOidcProvider({ port: PORT });

// The provider row and mappings as an admin would save them on the admin page's SSO panel.
const sql = (s) => `'${String(s).replaceAll("'", "''")}'`;
const mappings = JSON.stringify([
  { claim: 'groups', value: 'curbside-mentors', roles: ['mentor'], unitId: null },
  { claim: 'groups', value: 'curbside-admins', roles: ['admin'], unitId: null },
]);
runSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local'], { quiet: true });
runSync(
  'wrangler',
  [
    'd1',
    'execute',
    'DB',
    '--local',
    '--command',
    `INSERT INTO sso_providers (id, label, issuer, client_id, secret_name, scopes, mode, updated_at)
     VALUES ('demo_idp', 'Demo hospital', ${sql(provider.issuer)}, ${sql(DEMO_PUBLIC_CLIENT.clientId)}, NULL,
       'openid email profile groups', 'jit', 0)
     ON CONFLICT (id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id;
     UPDATE sso_settings SET mappings = ${sql(mappings)} WHERE id = 1;`,
  ],
  { quiet: true },
);

console.log(`
┌─ Demo identity provider ─────────────────────────────────────────────
│ Issuer:     ${provider.issuer}  (client "${DEMO_PUBLIC_CLIENT.clientId}", public, PKCE)
│ In the popup choose "Sign in with your organisation" and pick one of:
${Object.entries(DEMO_USERS)
  .map(([id, u]) => `│   ${id.padEnd(16)} ${u.name}, groups: ${u.groups.join(', ') || 'none'}`)
  .join('\n')}
│ curbside-mentors → mentor, curbside-admins → admin; anyone else → clinician.
└──────────────────────────────────────────────────────────────────────`);

const start = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs')], { stdio: 'inherit', env: toolEnv() });
const stop = async () => {
  start.kill('SIGTERM');
  await provider.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
start.on('exit', async (code) => {
  await provider.close();
  process.exit(code ?? 0);
});
