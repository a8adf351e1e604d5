import { useSignal } from '@preact/signals';
import { AuditPanel } from './AuditPanel';
import { CatalogPanel } from './CatalogPanel';
import { ChannelsPanel } from './ChannelsPanel';
import { CodesPanel } from './CodesPanel';
import { SettingsPanel } from './SettingsPanel';
import { SsoPanel } from './SsoPanel';
import { SystemsPanel } from './SystemsPanel';
import { useAdmin } from './state';
import { UsersPanel } from './UsersPanel';

const SECTIONS = {
  codes: { label: 'Codes', view: () => <CodesPanel /> },
  users: { label: 'Users', view: () => <UsersPanel /> },
  units: { label: 'Units', view: () => <CatalogPanel kind="units" /> },
  topics: { label: 'Topics', view: () => <CatalogPanel kind="topics" /> },
  systems: { label: 'Systems & screens', view: () => <SystemsPanel /> },
  settings: { label: 'Settings', view: () => <SettingsPanel /> },
  channels: { label: 'Digests and chat', view: () => <ChannelsPanel /> },
  sso: { label: 'Single sign-on', view: () => <SsoPanel /> },
  audit: { label: 'Audit log', view: () => <AuditPanel /> },
} as const;
type Section = keyof typeof SECTIONS;

export function App() {
  const admin = useAdmin();
  const section = useSignal<Section>(
    (location.hash.slice(1) as Section) in SECTIONS ? (location.hash.slice(1) as Section) : 'codes',
  );
  const go = (s: Section) => {
    section.value = s;
    history.replaceState(null, '', `#${s}`);
    admin.status.value = '';
  };

  if (!admin.ready.value) return <p aria-busy="true">Loading…</p>;
  if (!admin.session.value)
    return (
      <main class="admin">
        <h1>Curbside administration</h1>
        <p role="alert">You are signed out. Sign in from the Curbside button in the toolbar, then reopen this page.</p>
      </main>
    );
  if (!admin.isAdmin.value)
    return (
      <main class="admin">
        <h1>Curbside administration</h1>
        <p role="alert">This page is for Curbside admins only.</p>
      </main>
    );

  return (
    <div class="admin">
      <header>
        <h1>Curbside administration</h1>
        <p class="muted">Signed in as {admin.session.value.user.displayName}</p>
        <nav aria-label="Administration sections">
          <ul>
            {(Object.keys(SECTIONS) as Section[]).map((s) => (
              <li key={s}>
                <button type="button" aria-current={section.value === s ? 'page' : undefined} onClick={() => go(s)}>
                  {SECTIONS[s].label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <p class="status" aria-live="polite">
        {admin.status.value}
      </p>
      <main>{SECTIONS[section.value].view()}</main>
    </div>
  );
}
