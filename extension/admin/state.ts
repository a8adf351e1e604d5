import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { endpoints } from '../../shared/api';
import type { Unit } from '../../shared/catalog';
import { createPageSession } from '../lib/page-session';
import { buildSignInLink } from '../lib/signin-link';
import { createCodesState } from './codes';
import { createScreensState } from './screens';
import { createUsersState } from './users';

type BrowserLike = Pick<typeof browser, 'runtime'>;

export interface AdminDeps {
  browser?: BrowserLike;
  fetchFn?: typeof fetch;
}

/** The admin page's state: the stored session (the popup's sign-in), one API caller, messages. */
export function createAdminState(deps: AdminDeps = {}) {
  const browserApi = deps.browser ?? browser;
  const ready = signal(false);
  const { session, call, load } = createPageSession(deps);
  /** Polite announcements, read out by an aria-live region. */
  const status = signal('');
  const isAdmin = computed(() => session.value?.user.roles.includes('admin') === true);
  async function init() {
    await load();
    ready.value = true;
  }

  function announce(message: string) {
    status.value = message;
  }

  /** The link a new user opens to sign in with the code (the popup page fills the form from it). */
  function signInLink(code: string): string {
    // Typed loosely: WXT's generated path types are not part of the typecheck's include.
    const base = (browserApi.runtime as unknown as { getURL(path: string): string }).getURL('/popup.html');
    return buildSignInLink(base, code, session.value?.apiUrl ?? '');
  }

  /** Active units, for a code's or a person's unit. */
  const units = signal<Unit[]>([]);
  async function loadUnits() {
    units.value = (await call(endpoints.adminListUnits, {})).units.filter((unit) => unit.active);
  }

  return {
    ready,
    session,
    status,
    isAdmin,
    init,
    call,
    announce,
    signInLink,
    units,
    loadUnits,
    codes: createCodesState(call, loadUnits),
    users: createUsersState(call),
    screens: createScreensState(call),
  };
}

export type AdminState = ReturnType<typeof createAdminState>;

export const AdminContext = createContext<AdminState | null>(null);

export function useAdmin(): AdminState {
  const state = useContext(AdminContext);
  if (!state) throw new Error('useAdmin outside <AdminContext.Provider>');
  return state;
}
