import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const POLICY_DIR = process.env.CHROMIUM_POLICY_DIR ?? '/etc/chromium/policies/managed';

/** Chromium names an unpacked extension after the SHA-256 of its folder's path, in letters a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + Number.parseInt(d, 16))).join('');
}

/**
 * Writes the managed policy an IT department would push (see docs/it-admin.md): the API address,
 * locked, for this extension only. Chromium on Linux reads it from /etc/chromium/policies/managed.
 */
export function writeManagedPolicy(extensionDir: string, policy: Record<string, unknown>): () => void {
  const file = join(POLICY_DIR, `curbside-e2e-${process.pid}.json`);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: policy } } }, null, 2),
    );
  } catch (err) {
    throw new Error(
      `e2e: cannot write the browser policy ${file} (${(err as Error).message}). Run as root or set CHROMIUM_POLICY_DIR.`,
    );
  }
  return () => rmSync(file, { force: true });
}
