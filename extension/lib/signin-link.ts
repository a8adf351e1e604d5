/**
 * A sign-in link: the extension's own popup page with the code and API address in the fragment,
 * which never leaves the browser. It opens on any workstation with the same extension id
 * (enterprise builds fix it with the manifest key).
 */
export function buildSignInLink(popupUrl: string, code: string, apiUrl: string): string {
  return `${popupUrl}#${new URLSearchParams({ code, api: apiUrl })}`;
}

/** The code and API address from a sign-in link's fragment, if the page was opened from one. */
export function readSignInLink(hash: string): { code: string; apiUrl: string } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const code = params.get('code')?.trim();
  if (!code || code.length > 64) return null;
  return { code, apiUrl: params.get('api')?.trim() ?? '' };
}
