import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

/**
 * E2E builds only: grants the test server's origin up front so the popup opened by
 * `chrome.action.openPopup()` (no user click, so no activeTab grant) can read that tab's URL.
 */
const e2eHostPermission = process.env.CURBSIDE_E2E_HOST_PERMISSION;

/**
 * Enterprise builds: the base64 public key (manifest `key`) fixes the Chrome/Edge extension id, so
 * IT policies, CORS (ALLOWED_ORIGINS) and sign-in links name one id on every workstation.
 */
const extensionKey = process.env.CURBSIDE_EXTENSION_KEY?.trim();
/**
 * Chrome and Edge: the web pages that may ask the extension to open an item (a chat or e-mail link's
 * `/go/…` page on the API, background/open-link.ts). The build's API address, plus any other API origin
 * IT points the extension at by policy (CURBSIDE_LINK_ORIGINS, comma-separated). No port in a pattern
 * matches every port of that host; the service worker then checks the exact origin of the signed-in API.
 * No permission warning comes with it.
 */
export function linkMatches(apiUrl: string | undefined, extra: string | undefined): string[] {
  const origins = [apiUrl || 'http://127.0.0.1:8787', ...(extra ?? '').split(',')].map((s) => s.trim()).filter(Boolean);
  const patterns = origins.flatMap((o) => {
    try {
      const u = new URL(o);
      return u.protocol === 'https:' || u.protocol === 'http:' ? [`${u.protocol}//${u.hostname}/go/*`] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(patterns)];
}

/** Lets test builds go somewhere other than .output/ without touching the developer's build. */
const outDir = process.env.CURBSIDE_OUT_DIR;

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  ...(outDir ? { outDir } : {}),
  // One manifest version everywhere: Firefox ≥ 128 supports MV3, optional_host_permissions and _execute_action.
  manifestVersion: 3,
  // Explicit imports everywhere: code reads the same in the extension, in tests and in review.
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Curbside',
    description: 'Flag workflow friction or ask a mentor without leaving the screen you are on.',
    permissions: [
      'storage',
      'activeTab',
      'alarms',
      'contextMenus',
      'notifications',
      // Sign-in with the organisation's identity provider (lib/sso.ts, launchWebAuthFlow).
      'identity',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    ...(e2eHostPermission ? { host_permissions: [e2eHostPermission] } : {}),
    action: { default_title: 'Curbside' },
    // The mentor inbox: a side panel in Chrome and Edge; Firefox opens entrypoints/inbox as a page.
    ...(browser === 'firefox' ? {} : { side_panel: { default_path: 'sidepanel.html' } }),
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+C', mac: 'Alt+Shift+C' },
        description: 'Open Curbside',
      },
      // Straight to the flag form with the cursor in the text (background/setup.ts).
      'open-flag': {
        suggested_key: { default: 'Alt+Shift+F', mac: 'Alt+Shift+F' },
        description: 'Flag friction',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'curbside@curbside.example',
              strict_min_version: '128.0',
              // What leaves the browser: the de-identified address of the screen and what the user types.
              data_collection_permissions: { required: ['websiteActivity'] },
            },
          },
        }
      : // Chrome and Edge read IT policy (API address, organisation) from storage.managed.
        {
          storage: { managed_schema: 'managed_schema.json' },
          externally_connectable: {
            matches: linkMatches(process.env.WXT_API_URL, process.env.CURBSIDE_LINK_ORIGINS),
          },
          ...(extensionKey ? { key: extensionKey } : {}),
        }),
  }),
});
