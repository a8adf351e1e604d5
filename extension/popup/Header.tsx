import { lazyPart } from './LazyView';
import { usePopup } from './state';

// The links to the inbox, dashboard and admin page arrive just after the first render.
const WorkspaceLinks = lazyPart(() => import('./WorkspaceLinks').then((m) => m.WorkspaceLinks));

export function Header() {
  const app = usePopup();
  const user = app.session.value?.user;
  return (
    <header class="header">
      <span class="brand">Curbside</span>
      {user && (
        <span class="user">
          {user.displayName} <WorkspaceLinks roles={user.roles} />
          <button type="button" class="link" disabled={app.busy.value} onClick={() => void app.signOut()}>
            Sign out
          </button>
        </span>
      )}
    </header>
  );
}
