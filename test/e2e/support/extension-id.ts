import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';

/**
 * The id Chromium gives an unpacked extension: the SHA-256 of its directory's path, first 32 hex
 * digits, each written as a letter a–p. The worker's /go/ pages ask this id to open an item.
 */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + Number.parseInt(h, 16))).join('');
}
