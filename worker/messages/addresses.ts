/**
 * https only; a loopback receiver on 127.0.0.1 outside production (local development and the tests).
 * Checked when an admin saves a channel and again by the sender before each post.
 */
export function isAllowedUrl(url: string, production: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'https:') return true;
  return !production && parsed.protocol === 'http:' && parsed.hostname === '127.0.0.1';
}
