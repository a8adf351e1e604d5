import { endpoints } from '../../../shared/api';
import type { AccountAuditPage, DeviceCode, NewSignIn } from '../../../shared/sign-ins';
import type { Core } from './core';

/**
 * Who signed in as this user: the notice of new devices (shown on every device that existed before
 * them, until acknowledged there), the "sign-ins to my account" list, and a code to add a device of
 * one's own. Loaded after the popup's first render, with the API client.
 */
export function createSignInActions(core: Core) {
  const { state, api, announce, fail } = core;

  /** Sign-ins this device has not acknowledged; none when the API cannot be reached (it is asked again next time). */
  async function newSignIns(): Promise<NewSignIn[]> {
    try {
      return (await (await api()).call(endpoints.newSignIns, {})).signIns;
    } catch {
      return [];
    }
  }

  async function acknowledgeSignIns(upTo: string): Promise<boolean> {
    try {
      await (await api()).call(endpoints.acknowledgeSignIns, { body: { upTo } });
      announce('Noted. Curbside will tell you again if another device signs in as you.');
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  async function mySignIns(cursor?: string): Promise<AccountAuditPage | null> {
    try {
      return await (await api()).call(endpoints.mySignIns, { query: cursor ? { cursor } : {} });
    } catch (e) {
      fail(e);
      return null;
    }
  }

  async function createDeviceCode(): Promise<DeviceCode | null> {
    if (state.busy.value) return null;
    state.busy.value = true;
    try {
      return await (await api()).call(endpoints.createDeviceCode, { body: {} });
    } catch (e) {
      fail(e);
      return null;
    } finally {
      state.busy.value = false;
    }
  }

  /** Revokes every device of this user (this one too); the caller then signs this device out. */
  async function signOutEverywhere(): Promise<boolean> {
    try {
      await (await api()).call(endpoints.logoutAll, {});
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  }

  return { newSignIns, acknowledgeSignIns, mySignIns, createDeviceCode, signOutEverywhere };
}
