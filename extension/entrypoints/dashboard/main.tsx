import { render } from 'preact';
import { App } from '../../dashboard/App';
import { createDashboardState, DashboardContext } from '../../dashboard/state';
import { trackActivity } from '../../lib/signout';
import '../../ui/theme.css';
import '../../ui/page.css';
import '../../dashboard/dashboard.css';

const state = createDashboardState();
void state.init();
trackActivity(document);
const root = document.getElementById('app');
if (root)
  render(
    <DashboardContext.Provider value={state}>
      <App />
    </DashboardContext.Provider>,
    root,
  );
