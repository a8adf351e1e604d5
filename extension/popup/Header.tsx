import { browser } from 'wxt/browser';
import { usePopup } from './state';

type SidePanel = { open(options: { windowId: number }): Promise<void> };

/** The admin page, the dashboard and (in Firefox) the inbox are full tabs; the popup closes behind them. */
async function openPage(path: '/admin.html' | '/dashboard.html' | '/inbox.html') {
  const url = (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
  await browser.tabs.create({ url });
  globalThis.close?.();
}

/**
 * The mentor inbox: Chrome and Edge open their side panel beside the page being worked on. It opens
 * only during the click itself, so the window is looked up before; where there is no side panel
 * (Firefox) or it is refused, the same inbox opens as a tab.
 */
let windowId: number | undefined;

function openInbox() {
  const sidePanel = (browser as unknown as { sidePanel?: SidePanel }).sidePanel;
  const asTab = () => void openPage('/inbox.html');
  if (!sidePanel?.open || windowId === undefined) return asTab();
  try {
    sidePanel.open({ windowId }).then(() => globalThis.close?.(), asTab);
  } catch {
    asTab();
  }
}

export function Header() {
  const app = usePopup();
  const user = app.session.value?.user;
  const roles = user?.roles ?? [];
  const worksQueue = roles.includes('mentor') || roles.includes('peer_supporter');
  if (worksQueue && windowId === undefined)
    browser.windows?.getCurrent().then(
      (w) => {
        windowId = w?.id;
      },
      () => undefined,
    );
  const link = (label: string, go: () => void) => (
    <>
      <button type="button" class="link" onClick={go}>
        {label}
      </button>{' '}
    </>
  );
  return (
    <header class="header">
      <span class="brand">Curbside</span>
      {user && (
        <span class="user">
          {user.displayName} {worksQueue && link('Inbox', openInbox)}
          {(roles.includes('lead') || roles.includes('admin')) &&
            link('Dashboard', () => void openPage('/dashboard.html'))}
          {roles.includes('admin') && link('Admin', () => void openPage('/admin.html'))}
          <button type="button" class="link" disabled={app.busy.value} onClick={() => void app.signOut()}>
            Sign out
          </button>
        </span>
      )}
    </header>
  );
}
