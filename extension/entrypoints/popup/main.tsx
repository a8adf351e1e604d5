import { render } from 'preact';
import { App } from '../../popup/App';
import { createPopupState, PopupContext } from '../../popup/state';
import '../../ui/theme.css';
import '../../ui/panel.css';

const state = createPopupState();
void state.init();
const root = document.getElementById('app');
if (root)
  render(
    <PopupContext.Provider value={state}>
      <App />
    </PopupContext.Provider>,
    root,
  );
