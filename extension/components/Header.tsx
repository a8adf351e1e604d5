import { useApp } from '../lib/state';

export function Header() {
  const app = useApp();
  const user = app.session.value?.user;
  return (
    <header class="header">
      <span class="brand">Curbside</span>
      {user && (
        <span class="user">
          {user.displayName}{' '}
          <button type="button" class="link" onClick={() => void app.signOut()}>
            Sign out
          </button>
        </span>
      )}
    </header>
  );
}
