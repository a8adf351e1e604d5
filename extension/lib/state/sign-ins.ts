import type { createSignInActions as load } from '../sign-ins';
import type { Core } from './core';
import { deferActions } from './defer';

/** New-device notice and "sign-ins to my account" (lib/sign-ins.ts, loaded on first use). */
export function createSignInActions(core: Core): ReturnType<typeof load> {
  return deferActions(() => import('../sign-ins').then((m) => m.createSignInActions(core)), {
    newSignIns: true,
    acknowledgeSignIns: true,
    mySignIns: true,
    createDeviceCode: true,
    signOutEverywhere: true,
  });
}
