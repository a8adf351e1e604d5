import type { createKbActions as load } from '../kb';
import type { Core } from './core';
import { deferActions } from './defer';

/** Answers for this screen, matches while typing, opening one (lib/kb.ts, loaded on first use). */
export function createKbActions(core: Core): ReturnType<typeof load> {
  return deferActions(() => core.services().then((s) => s.createKbActions(core)), {
    currentScreen: true,
    screenTips: true,
    searchKb: true,
    openKb: true,
  });
}
