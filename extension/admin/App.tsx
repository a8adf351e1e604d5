import { useSignal } from '@preact/signals';
import { PageGate, SIGNED_OUT } from '../ui/PageGate';
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
  const gate = (message: string) => <PageGate page="admin" title="Curbside administration" message={message} />;
  if (!admin.session.value) return gate(SIGNED_OUT);
  if (!admin.isAdmin.value) return gate('This page is for Curbside admins only.');

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
