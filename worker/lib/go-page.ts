/**
 * Where a chat or e-mail message's button lands: a plain page on the API's own https address (chat apps
 * and mail open only web links; an extension's pages are not reachable from the web). It needs no
 * sign-in and holds nothing but where the item waits. On Chrome and Edge it also asks Curbside to open
 * the item (the extension lets only this origin's `/go/` pages ask, and opens only its own pages,
 * extension/background/open-link.ts); where that cannot happen (Firefox, another browser, Curbside not
 * installed, signed in elsewhere) the page's directions stand as they are.
 */
export type GoTarget = { open: 'question'; id: string } | { open: 'inbox' } | { open: 'dashboard' };

const TEXT: Record<GoTarget['open'], { title: string; body: string }> = {
  question: {
    title: 'An urgent question is waiting',
    body: 'Open Curbside from your browser’s toolbar and choose Mentor inbox: urgent questions are at the top. If a colleague has claimed it, it no longer shows as waiting.',
  },
  inbox: { title: 'Your mentor inbox', body: 'Open Curbside from your browser’s toolbar and choose Mentor inbox.' },
  dashboard: {
    title: 'Your hotspots',
    body: 'Open Curbside from your browser’s toolbar and choose Hotspots dashboard.',
  },
};

/** A Chrome or Edge extension id: 32 letters a–p. */
const EXTENSION_ID = /^[a-p]{32}$/;

/** The ids from configuration (EXTENSION_IDS, comma-separated); anything else is dropped. */
export function extensionIds(configured: string | undefined): string[] {
  return [
    ...new Set(
      (configured ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => EXTENSION_ID.test(s)),
    ),
  ];
}

/** Asks each configured extension id to open the target; shows the "opened" line when one says it did. */
const SCRIPT = `(function () {
  var el = document.getElementById('go');
  var ids = (el.getAttribute('data-ids') || '').split(',').filter(Boolean);
  var open = el.getAttribute('data-open');
  var runtime = window.chrome && window.chrome.runtime;
  if (!open || ids.length === 0 || !runtime || typeof runtime.sendMessage !== 'function') return;
  var message = JSON.parse(open);
  ids.forEach(function (id) {
    try {
      runtime.sendMessage(id, message, function (reply) {
        void runtime.lastError;
        if (reply && reply.opened === true) document.getElementById('opened').hidden = false;
      });
    } catch (e) {}
  });
})();`;

const escapeAttr = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page for `kind`, asking the extensions `ids` to open `target` if there is one; the CSP lets only its own script run (a fresh nonce each time). */
export function goPage(
  kind: GoTarget['open'],
  target: GoTarget | null,
  ids: string[],
  nonce: string,
): { html: string; csp: string } {
  const text = TEXT[kind];
  const asks = target && ids.length > 0;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Curbside · ${text.title}</title></head><body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5"><main id="go"${asks ? ` data-ids="${escapeAttr(ids.join(','))}" data-open="${escapeAttr(JSON.stringify(target))}"` : ''}><h1>${text.title}</h1><p id="opened" role="status" hidden>Opened in Curbside. You can close this tab.</p><p>${text.body}</p></main><script nonce="${nonce}">${SCRIPT}</script></body></html>`;
  return { html, csp: `default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'` };
}
