import { render } from 'preact';
import { createInboxState, InboxContext } from '../../inbox/state';
import '../../ui/theme.css';
import '../../ui/panel.css';
import '../../inbox/inbox.css';
import { App } from './App';

const state = createInboxState();
void state.init();
const root = document.getElementById('app');
if (root)
  render(
    <InboxContext.Provider value={state}>
      <App />
    </InboxContext.Provider>,
    root,
  );
