import { render } from 'preact';
import { AdminContext, createAdminState } from '../../lib/admin';
import { trackActivity } from '../../lib/signout';
import { App } from './App';
import '../../assets/theme.css';
import '../../assets/page.css';
import './style.css';

const state = createAdminState();
void state.init();
trackActivity(document);
const root = document.getElementById('app');
if (root)
  render(
    <AdminContext.Provider value={state}>
      <App />
    </AdminContext.Provider>,
    root,
  );
