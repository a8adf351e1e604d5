import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The rules `npm run lint` runs, run here the same way (the CLIs, the repo's config) on the real tree and
// on a copy of worker/, shared/ and extension/ with one violation of each kind planted: a rule that never fails
// would pass the real tree too.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', '.bin', 'depcruise');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const LINT_SQL = join(ROOT, 'scripts', 'lint-sql.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** The rules dependency-cruiser reports broken under `cwd`, as `rule from → to`. */
function violations(cwd: string): string[] {
  const out = execFileSync(DEPCRUISE, ['--config', CONFIG, '--output-type', 'json', 'worker', 'shared', 'extension'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const result = JSON.parse(out) as { summary: { violations: Violation[] } };
  return result.summary.violations.map((v) => `${v.rule.name} ${v.from} → ${v.to}`);
}

/** Exit status and output of scripts/lint-sql.mjs over `root`. */
function lintSql(root: string): { ok: boolean; output: string } {
  try {
    const output = execFileSync(process.execPath, [LINT_SQL, root], { encoding: 'utf8', stdio: 'pipe' });
    return { ok: true, output };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? '') };
  }
}

describe('the real tree', () => {
  it('has no import cycle, no back arrow and no forbidden import', () => {
    expect(violations(ROOT)).toEqual([]);
  });

  it('has SQL only in worker/db/ and the migrations', () => {
    expect(lintSql(ROOT)).toMatchObject({ ok: true });
  });
});

describe('a copy with violations planted', () => {
  let copy: string;
  const plant = (path: string, text: string) => {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    writeFileSync(join(copy, path), text);
  };

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'curbside-layers-'));
    cpSync(join(ROOT, 'worker'), join(copy, 'worker'), { recursive: true });
    cpSync(join(ROOT, 'shared'), join(copy, 'shared'), { recursive: true });
    cpSync(join(ROOT, 'extension'), join(copy, 'extension'), { recursive: true });
    // A back arrow: db/ reaching up into services/.
    plant('worker/db/planted-back-arrow.ts', "export { ESCALATE_AFTER_MS } from '../services/queue';\n");
    // lib/ knowing the domain.
    plant('worker/lib/planted-domain.ts', "export { buildHotspotList } from '../services/hotspot-views';\n");
    // services/ reaching up into a router.
    plant('worker/services/planted-route.ts', "export { questionRoutes } from '../routes/questions';\n");
    // An import cycle.
    plant('worker/lib/planted-a.ts', "import { b } from './planted-b';\nexport const a = () => b;\n");
    plant('worker/lib/planted-b.ts', "import { a } from './planted-a';\nexport const b = () => a;\n");
    // The extension importing the worker; shared/ importing the worker.
    plant('extension/planted.ts', "export { createApp } from '../worker/app';\n");
    plant('shared/planted.ts', "export { now } from '../worker/lib/clock';\n");
    // The extension: a surface importing another, ui/ importing a surface, lib/ importing ui/, an
    // entrypoint mounting another surface, the side panel mounting more than the inbox, and code
    // importing an entrypoint.
    plant('extension/popup/planted-surface.ts', "export { createInboxState } from '../inbox/state';\n");
    plant('extension/ui/planted-ui.ts', "export { usePopup } from '../popup/state';\n");
    plant('extension/lib/planted-lib.ts', "export { Field } from '../ui/Field';\n");
    plant(
      'extension/entrypoints/admin/planted-entry.ts',
      "export { createDashboardState } from '../../dashboard/state';\n",
    );
    plant(
      'extension/entrypoints/sidepanel/planted-entry.ts',
      "export { createPopupState } from '../../popup/state';\n",
    );
    plant('extension/admin/planted-entrypoint.ts', "import '../entrypoints/popup/main';\n");
    // The API running the identifier detector itself instead of asking its Worker.
    plant('worker/services/planted-detector.ts', "export { findIdentifiers } from '../../shared/phi';\n");
    // The API building a message's MIME itself instead of asking the sender's Worker.
    plant('worker/services/planted-sender.ts', "export { emailRaw } from '../messages/email';\n");
    // The API verifying a token with jose itself instead of asking the verifier's Worker.
    plant('worker/services/planted-verifier.ts', "export { jwtVerify } from 'jose';\n");
    // SQL in a router.
    plant(
      'worker/routes/planted-sql.ts',
      "export const count = (db: D1Database) =>\n  db.prepare('SELECT COUNT(*) AS n FROM users').first();\n",
    );
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('fails each layer rule on its planted import', () => {
    const found = violations(copy);
    expect(found).toEqual(
      expect.arrayContaining([
        'db-is-only-sql worker/db/planted-back-arrow.ts → worker/services/queue.ts',
        'lib-knows-no-domain worker/lib/planted-domain.ts → worker/services/hotspot-views.ts',
        'services-below-routes worker/services/planted-route.ts → worker/routes/questions.ts',
        'extension-not-worker extension/planted.ts → worker/app.ts',
        'shared-imports-neither-side shared/planted.ts → worker/lib/clock.ts',
        'detector-in-its-own-worker worker/services/planted-detector.ts → shared/phi.ts',
        'sender-in-its-own-worker worker/services/planted-sender.ts → worker/messages/email.ts',
        'verifier-in-its-own-worker worker/services/planted-verifier.ts → jose',
        'ext-surfaces-apart extension/popup/planted-surface.ts → extension/inbox/state.ts',
        'ext-ui-only-lib extension/ui/planted-ui.ts → extension/popup/state/index.ts',
        'ext-lib-knows-no-ui extension/lib/planted-lib.ts → extension/ui/Field.tsx',
        'ext-entrypoint-mounts-its-surface extension/entrypoints/admin/planted-entry.ts → extension/dashboard/state.ts',
        'ext-sidepanel-mounts-inbox extension/entrypoints/sidepanel/planted-entry.ts → extension/popup/state/index.ts',
        'ext-nothing-imports-entrypoints extension/admin/planted-entrypoint.ts → extension/entrypoints/popup/main.tsx',
      ]),
    );
    expect(found.filter((v) => v.startsWith('no-circular worker/lib/planted-'))).not.toEqual([]);
  });

  it('fails the SQL rule on a statement in a router', () => {
    const result = lintSql(copy);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('worker/routes/planted-sql.ts:2:');
  });
});
