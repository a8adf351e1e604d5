#!/usr/bin/env node
// Seeds a demo organisation into the LOCAL D1 database. It never touches a remote database:
// it only ever runs `wrangler d1 execute --local`, and refuses flags that would point elsewhere.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSync } from './lib.mjs';
import { DEMO_CODES } from './seed-codes.mjs';

const args = process.argv.slice(2);
if (args.some((a) => a === '--remote' || a.startsWith('--env') || a === '-e' || a === '--preview')) {
  console.error('seed: refusing to run against a remote or non-local database; the demo seed is local only.');
  process.exit(1);
}
const persistIndex = args.indexOf('--persist-to');
const persistTo = persistIndex >= 0 ? args[persistIndex + 1] : undefined;

const sha256 = (s) => createHash('sha256').update(s).digest('hex');
const q = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
const now = Date.now();
const FAR = now + 5 * 365 * 24 * 3600 * 1000;

const units = [
  ['unit-4west', '4 West Med-Surg'],
  ['unit-micu', 'Medical ICU'],
  ['unit-ed', 'Emergency Department'],
  ['unit-pharm', 'Inpatient Pharmacy'],
  ['unit-rehab', 'Rehabilitation'],
];
const topics = [
  ['topic-ehr-doc', 'EHR documentation'],
  ['topic-med-admin', 'Medication administration'],
  ['topic-orders', 'Orders and order sets'],
  ['topic-handoff', 'Handoff and communication'],
  ['topic-skills', 'Clinical skills'],
  ['topic-equipment', 'Equipment and devices'],
];
const users = [
  ['user-demo-clinician', 'Dana Clinician', 'nursing', 'unit-4west', ['clinician']],
  ['user-demo-mentor', 'Morgan Mentor', 'nursing', 'unit-micu', ['mentor']],
  ['user-demo-lead', 'Lee Lead', 'nursing', 'unit-4west', ['lead']],
  ['user-demo-admin', 'Ari Admin', 'admin', null, ['admin']],
];
const sql = [
  ...units.map(([id, name]) => `INSERT OR IGNORE INTO units (id, name, active) VALUES (${q(id)}, ${q(name)}, 1);`),
  ...topics.map(([id, name]) => `INSERT OR IGNORE INTO topics (id, name, active) VALUES (${q(id)}, ${q(name)}, 1);`),
  ...users.flatMap(([id, name, discipline, unit, roles]) => [
    `INSERT OR IGNORE INTO users (id, display_name, discipline, unit_id, active, created_at) VALUES (${q(id)}, ${q(name)}, ${q(discipline)}, ${q(unit)}, 1, ${now});`,
    ...roles.map((r) => `INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (${q(id)}, ${q(r)});`),
  ]),
  // Multi-use demo codes: each enrolls a new user with exactly that role.
  ...DEMO_CODES.map(
    ([code, roles, discipline, unit]) =>
      `INSERT OR IGNORE INTO codes (id, hash, kind, roles, unit_id, discipline, max_uses, label, expires_at, created_by, created_at)
       VALUES (${q(`code-${code.toLowerCase()}`)}, ${q(sha256(code))}, 'enroll', ${q(JSON.stringify(roles))}, ${q(unit)}, ${q(discipline)}, 100000, ${q(`Demo ${roles[0]}`)}, ${FAR}, 'user-demo-admin', ${now});`,
  ),
  `INSERT OR IGNORE INTO settings (key, value) VALUES ('org', ${q(
    JSON.stringify({
      organisationName: 'Demo General Hospital',
      incidentReportingUrl: 'https://incident.example.org/report',
      employeeAssistance: 'Employee Assistance Program: ext. 4-3277 (24/7), eap.example.org',
      crisisContacts: 'Crisis line: call or text 988',
    }),
  )});`,
];

const dir = mkdtempSync(join(tmpdir(), 'curbside-seed-'));
const file = join(dir, 'seed.sql');
writeFileSync(file, `${sql.join('\n')}\n`);
try {
  runSync(
    'wrangler',
    ['d1', 'execute', 'DB', '--local', '--yes', `--file=${file}`, ...(persistTo ? ['--persist-to', persistTo] : [])],
    {
      quiet: true,
    },
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(
  `seed: demo organisation ready (${units.length} units, ${topics.length} topics, ${users.length} users, codes ${DEMO_CODES.map((c) => c[0]).join(', ')})`,
);
