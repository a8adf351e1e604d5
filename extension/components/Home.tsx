import { useApp } from '../lib/state';
import { OutboxStatus } from './OutboxStatus';
import { ViewHeading } from './ViewHeading';

export function Home() {
  const app = useApp();
  const org = app.policy.value.organisationName;
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
      </button>
      <OutboxStatus />
    </section>
  );
}
