import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Core, createCore, type PopupDeps } from './core';
import { deferActions } from './defer';
import type { createDigestActions } from './digest';
import type { createGrowthActions } from './growth';
import { createHotspotActions } from './hotspots';
import { createItemActions } from './items';
import type { createKbActions } from './kb';
import { services } from './load-services';
import type { createRoutingActions } from './routing';
import { createSessionActions } from './session';
import type { createSignInActions } from './sign-ins';
import type { createThreadActions, ThreadDeps } from './threads';
import { createViewActions } from './views';

export type { PopupDeps } from './core';

/*
 * Actions whose code arrives after the popup's first render (deferActions: a stub per name that loads
 * the real action on first use). The knowledge base and threads come with the services chunk; sign-ins
 * load on their own.
 */
function deferredKbActions(core: Core): ReturnType<typeof createKbActions> {
  return deferActions(() => services().then((s) => s.createKbActions(core)), {
    currentScreen: true,
    screenTips: true,
    searchKb: true,
    openKb: true,
    myTips: true,
    addTip: true,
    removeTip: true,
  });
}

function deferredRoutingActions(core: Core): ReturnType<typeof createRoutingActions> {
  return deferActions(() => services().then((s) => s.createRoutingActions(core)), { routeCoverage: true });
}

function deferredThreadActions(core: Core, deps: ThreadDeps): ReturnType<typeof createThreadActions> {
  return deferActions(() => services().then((s) => s.createThreadActions(core, deps)), {
    reply: true,
    markHelpful: true,
    consentToShare: true,
    replyDrafts: true,
    saveReplyDraft: true,
    talkDraft: true,
    saveTalkDraft: true,
    supportContacts: true,
    needToTalk: true,
    withdrawFlag: true,
    closeQuestion: true,
  });
}

function deferredGrowthActions(core: Core, loadItems: () => Promise<void>): ReturnType<typeof createGrowthActions> {
  return deferActions(() => services().then((s) => s.createGrowthActions(core, loadItems)), {
    loadGrowth: true,
    reflect: true,
    deleteReflection: true,
    thank: true,
    askCoaching: true,
    saveCard: true,
    sponsors: true,
    portfolio: true,
    creditPreference: true,
    setCreditMe: true,
    proposeSmallTest: true,
    advanceSmallTest: true,
    growthDrafts: true,
    saveGrowthDraft: true,
  });
}

function deferredSignInActions(core: Core): ReturnType<typeof createSignInActions> {
  return deferActions(() => import('./sign-ins').then((m) => m.createSignInActions(core)), {
    newSignIns: true,
    acknowledgeSignIns: true,
    mySignIns: true,
    createDeviceCode: true,
    signOutEverywhere: true,
  });
}

function deferredDigestActions(core: Core): ReturnType<typeof createDigestActions> {
  return deferActions(() => import('./digest').then((m) => m.createDigestActions(core)), {
    myDigest: true,
    mentorshipStore: true,
  });
}

/** The popup's state: signals plus plain actions, created once in main.tsx and provided by context. */
export function createPopupState(deps: PopupDeps = {}) {
  const core = createCore(deps, services);
  const itemActions = createItemActions(core);
  const viewActions = createViewActions(core, itemActions);
  const sessionActions = createSessionActions(core, viewActions);
  // Components get signals and actions; the helpers stay internal.
  return {
    ...core.state,
    ...itemActions,
    ...viewActions,
    ...sessionActions,
    ...createHotspotActions(core, viewActions),
    ...deferredKbActions(core),
    ...deferredRoutingActions(core),
    ...deferredThreadActions(core, { ...viewActions, ...itemActions }),
    ...deferredGrowthActions(core, itemActions.loadItems),
    ...deferredSignInActions(core),
    ...deferredDigestActions(core),
  };
}

export type PopupState = ReturnType<typeof createPopupState>;

export const PopupContext = createContext<PopupState | null>(null);

export function usePopup(): PopupState {
  const state = useContext(PopupContext);
  if (!state) throw new Error('usePopup outside <PopupContext.Provider>');
  return state;
}
