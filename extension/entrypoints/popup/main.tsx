import { render } from 'preact';
import { AppContext, createAppState } from '../../lib/state';
import { App } from './App';
import '../../assets/theme.css';
import './style.css';

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
