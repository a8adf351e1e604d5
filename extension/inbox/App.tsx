import { lazyPart } from '../ui/lazy';
import { WeekDigest } from '../ui/WeekDigest';
import { CapacityNotice } from './CapacityNotice';
import { InboxFilters } from './InboxFilters';
import { MentorProfileForm } from './MentorProfileForm';
import { QueueList } from './QueueList';
import { useInbox } from './state';

// The first paint is the queue (with the profile and filters above it): a question's thread and the
// panels beside the queue load on first use, so the page's first render ships without them (issue 19).
const InboxThread = lazyPart(
  () => import('./InboxThread').then((m) => m.InboxThread),
  <p aria-busy="true">Loading the question…</p>,
);
const ImpactPanel = lazyPart(() => import('./ImpactPanel').then((m) => m.ImpactPanel));
const TipRequests = lazyPart(() => import('./TipRequests').then((m) => m.TipRequests));
const MenteesPanel = lazyPart(() => import('./MenteesPanel').then((m) => m.MenteesPanel));
const PeerSupportAudit = lazyPart(() => import('./PeerSupportAudit').then((m) => m.PeerSupportAudit));

/** The mentor inbox: queue and filters, or one question's thread. */
export function InboxApp() {
  const inbox = useInbox();
  if (!inbox.ready.value) return <p aria-busy="true">Loading…</p>;
  const roles = inbox.session.value?.user.roles ?? [];
  if (!inbox.session.value) return <p>Sign in from the Curbside toolbar button first.</p>;
  if (!roles.includes('mentor') && !roles.includes('peer_supporter')) {
    return <p>The inbox is for mentors and peer supporters.</p>;
  }
  return (
    <main class="inbox">
      <h1>Mentor inbox</h1>
      <p class="status" aria-live="polite">
        {inbox.status.value}
      </p>
      <div class="error" role="alert">
        {inbox.error.value}
      </div>
      {inbox.selected.value ? (
        <InboxThread item={inbox.selected.value} />
      ) : (
        <>
          {roles.includes('mentor') && <MentorProfileForm key={inbox.profile.value ? 'loaded' : 'empty'} />}
          {roles.includes('mentor') && <CapacityNotice />}
          {roles.includes('mentor') && <WeekDigest load={inbox.weekDigest} />}
          {roles.includes('mentor') && <ImpactPanel />}
          {roles.includes('mentor') && <TipRequests />}
          {roles.includes('mentor') && <MenteesPanel />}
          <InboxFilters />
          <QueueList />
          {roles.includes('peer_supporter') && <PeerSupportAudit />}
        </>
      )}
    </main>
  );
}
