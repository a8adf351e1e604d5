import { render } from 'preact';
import { createDashboardState, DashboardContext } from '../../lib/dashboard';
import { trackActivity } from '../../lib/signout';
import { App } from './App';
import '../../assets/theme.css';
import '../../assets/page.css';
import './style.css';

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
