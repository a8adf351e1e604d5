import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type AppDeps, createCore } from './core';
import { createHotspotActions } from './hotspots';
import { createItemActions } from './items';
import { createKbActions } from './kb';
import { createSessionActions } from './session';
import { createSignInActions } from './sign-ins';
import { createThreadActions } from './threads';
import { createViewActions } from './views';

export type { AppDeps } from './core';

/** The popup's state: signals plus plain actions, created once in main.tsx and provided by context. */
export function createAppState(deps: AppDeps = {}) {
  const core = createCore(deps);
  const itemActions = createItemActions(core);
  const viewActions = createViewActions(core, itemActions);
  const sessionActions = createSessionActions(core, viewActions);
  // Components get signals and actions; the helpers stay internal.
  const { b, now, deps: _deps, services, version, api, unlock, announce, fail, ...signals } = core;
  return {
    ...signals,
    ...itemActions,
    ...viewActions,
    ...sessionActions,
    ...createHotspotActions(core),
    ...createKbActions(core),
    ...createThreadActions(core),
    ...createSignInActions(core),
  };
}

export type AppState = ReturnType<typeof createAppState>;

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside <AppContext.Provider>');
  return state;
}
