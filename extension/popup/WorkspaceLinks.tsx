import { browser } from 'wxt/browser';
import type { Role } from '../../shared/enums';

type SidePanel = { open(options: { windowId: number }): Promise<void> };

/** The admin page, the dashboard and (in Firefox) the inbox are full tabs; the popup closes behind them. */
async function openPage(path: '/admin.html' | '/dashboard.html' | '/inbox.html') {
  const url = (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);
  await browser.tabs.create({ url });
  globalThis.close?.();
}

/** This window, looked up before any click: the side panel opens only during the click itself. */
let windowId: number | undefined;

/**
 * The mentor inbox: Chrome and Edge open their side panel beside the page being worked on; where
 * there is no side panel (Firefox) or it is refused, the same inbox opens as a tab.
 */
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

/**
 * One click from the popup to each workspace the user's roles open: the inbox (mentors, peer
 * supporters), the dashboard (leads, admins), the admin page. Loaded after the popup's first render.
 */
export function WorkspaceLinks({ roles }: { roles: readonly Role[] }) {
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
    <>
      {worksQueue && link('Inbox', openInbox)}
      {(roles.includes('lead') || roles.includes('admin')) && link('Dashboard', () => void openPage('/dashboard.html'))}
      {roles.includes('admin') && link('Admin', () => void openPage('/admin.html'))}
    </>
  );
}
