import { render } from 'preact';
import { App } from '../../admin/App';
import { AdminContext, createAdminState } from '../../admin/state';
import { trackActivity } from '../../lib/signout';
import '../../ui/theme.css';
import '../../ui/page.css';
import '../../admin/admin.css';

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
