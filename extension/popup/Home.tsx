import { lazyPart } from './LazyView';
import { OutboxStatus } from './OutboxStatus';
import { usePopup } from './state';
import { ViewHeading } from './ViewHeading';

// After the first render: tips need the screen capture and the API client.
const HomeTips = lazyPart(() => import('./ScreenTips').then((m) => m.HomeTips));
const NotifyPrefs = lazyPart(() => import('./NotifyPrefs').then((m) => m.NotifyPrefs));
const WeekDigest = lazyPart(() => import('../ui/WeekDigest').then((m) => m.WeekDigest));

export function Home() {
  const app = usePopup();
  const org = app.policy.value.organisationName;
  const roles = app.session.value?.user.roles ?? [];
  const canAsk = roles.some((r) => r === 'clinician' || r === 'mentor' || r === 'lead');
  return (
    <section>
      <ViewHeading>{org ? `Curbside · ${org}` : 'What do you need?'}</ViewHeading>
      <div class="actions">
        <button type="button" class="primary big" onClick={() => void app.open('flag')}>
          Flag friction
        </button>
        <button type="button" class="primary big" onClick={() => void app.open('ask')}>
          Ask a mentor
        </button>
      </div>
      <button type="button" onClick={() => void app.open('items')}>
        My items
      </button>{' '}
      <button type="button" class="link" onClick={() => void app.open('signins')}>
        Sign-ins to my account
      </button>
      {roles.includes('clinician') && <WeekDigest load={() => app.myDigest('clinician')} />}
      <HomeTips />
      {canAsk && (
        <p class="talk-entry">
          <button type="button" class="link" onClick={() => void app.open('talk')}>
            Need to talk
          </button>{' '}
          after a hard case?
        </p>
      )}
      <OutboxStatus />
      <NotifyPrefs />
    </section>
  );
}
