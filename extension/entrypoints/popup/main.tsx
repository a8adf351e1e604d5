import { render } from 'preact';
import { App } from '../../popup/App';
import { AppContext, createAppState } from '../../popup/state';
import '../../ui/theme.css';
import '../../ui/panel.css';

const state = createAppState();
void state.init();
const root = document.getElementById('app');
if (root)
  render(
    <AppContext.Provider value={state}>
      <App />
    </AppContext.Provider>,
    root,
  );
