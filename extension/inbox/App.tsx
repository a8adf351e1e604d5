import { WeekDigest } from '../ui/WeekDigest';
import { CapacityNotice } from './CapacityNotice';
import { ImpactPanel } from './ImpactPanel';
import { InboxFilters } from './InboxFilters';
import { InboxThread } from './InboxThread';
import { MenteesPanel } from './MenteesPanel';
import { MentorProfileForm } from './MentorProfileForm';
import { PeerSupportAudit } from './PeerSupportAudit';
import { QueueList } from './QueueList';
import { useInbox } from './state';
import { TipRequests } from './TipRequests';

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
