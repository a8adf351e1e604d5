import { browser } from 'wxt/browser';
import { usePopup } from './state';

/** The admin page is a full tab; the popup closes behind it. */
async function openAdminPage() {
  const url = (browser.runtime as unknown as { getURL(path: string): string }).getURL('/admin.html');
  await browser.tabs.create({ url });
  globalThis.close?.();
}

/** The lead dashboard is a full tab too. */
async function openDashboard() {
  const url = (browser.runtime as unknown as { getURL(path: string): string }).getURL('/dashboard.html');
  await browser.tabs.create({ url });
  globalThis.close?.();
}

export function Header() {
  const app = usePopup();
  const user = app.session.value?.user;
  return (
    <header class="header">
      <span class="brand">Curbside</span>
      {user && (
        <span class="user">
          {user.displayName}{' '}
          {(user.roles.includes('lead') || user.roles.includes('admin')) && (
            <>
              <button type="button" class="link" onClick={() => void openDashboard()}>
                Hotspots
              </button>{' '}
            </>
          )}
          {user.roles.includes('admin') && (
            <>
              <button type="button" class="link" onClick={() => void openAdminPage()}>
                Admin
              </button>{' '}
            </>
          )}
          <button type="button" class="link" disabled={app.busy.value} onClick={() => void app.signOut()}>
            Sign out
          </button>
        </span>
      )}
    </header>
  );
}
