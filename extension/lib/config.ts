export const BUILD_API_URL: string = import.meta.env.WXT_API_URL || 'http://127.0.0.1:8787';

/** Strips trailing slashes so `${base}${path}` never doubles them. */
export function normaliseApiUrl(url: string): string {
  return url.trim().replace(/\/+$/, '');
}
