import { render } from 'preact';
import { createInboxState, InboxContext } from '../../lib/inbox';
import '../../assets/theme.css';
import '../popup/style.css';
import '../../assets/inbox.css';
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
