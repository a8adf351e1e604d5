import { render } from 'preact';
import { idFromHash } from '../lib/deep-link';
import { InboxApp } from './App';
import { createInboxState, InboxContext } from './state';
import '../ui/theme.css';
import '../ui/panel.css';
import './inbox.css';

/** The mentor inbox, mounted the same way in Chrome's side panel and in Firefox's page. */
export function mountInbox(root: HTMLElement | null) {
  // A notification about a question opens this page at it (lib/deep-link.ts).
  const state = createInboxState({ openQuestion: idFromHash(globalThis.location?.hash ?? '', 'inbox') });
  void state.init();
  if (root)
    render(
      <InboxContext.Provider value={state}>
        <InboxApp />
      </InboxContext.Provider>,
      root,
    );
}
