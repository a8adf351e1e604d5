import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import { endpoints } from '../../shared/api';
import type { SsoAdminView, SsoMapping, SsoProviderInput } from '../../shared/sso';
import { errorMessage, fieldErrors } from '../lib/errors';
import type { AdminState } from './state';

type IdentityBrowser = Pick<typeof browser, 'identity'>;

/** The SSO panel's state: the configuration as the API has it, and the actions that change it. */
export function createSsoState(admin: AdminState, b: IdentityBrowser = browser) {
  const view = signal<SsoAdminView | null>(null);
  const error = signal('');
  const errors = signal<Record<string, string>>({});
  /** A SCIM token just made: shown once, never stored. */
  const newScimToken = signal<string | null>(null);

  /** What IT registers at the provider: this extension's redirect URL on this browser. */
  const redirectUrl = () => {
    try {
      return b.identity.getRedirectURL();
    } catch {
      return '';
    }
  };
  const scimUrl = () => `${admin.session.value?.apiUrl ?? ''}/scim/v2`;

  async function run<T>(work: () => Promise<T>, done: string): Promise<T | undefined> {
    error.value = '';
    errors.value = {};
    try {
      const result = await work();
      admin.announce(done);
      return result;
    } catch (e) {
      errors.value = fieldErrors(e);
      error.value = errorMessage(e);
      return undefined;
    }
  }

  async function load() {
    await run(async () => {
      view.value = await admin.call(endpoints.adminSso, {});
    }, '');
  }

  async function saveProvider(input: SsoProviderInput, id?: string) {
    const saved = await run(
      () =>
        id
          ? admin.call(endpoints.adminPutSsoProvider, { params: { id }, body: input })
          : admin.call(endpoints.adminCreateSsoProvider, { body: input }),
      'Identity provider saved.',
    );
    if (saved) await load();
    return saved !== undefined;
  }

  async function removeProvider(id: string) {
    if (await run(() => admin.call(endpoints.adminDeleteSsoProvider, { params: { id } }), 'Identity provider removed.'))
      await load();
  }

  async function saveSettings(patch: { requireSso?: boolean; mappings?: SsoMapping[] }) {
    const settings = await run(
      () => admin.call(endpoints.adminPatchSsoSettings, { body: patch }),
      'SSO settings saved.',
    );
    if (settings && view.value) view.value = { ...view.value, settings };
    return settings !== undefined;
  }

  async function makeScimToken() {
    const made = await run(() => admin.call(endpoints.adminCreateScimToken, {}), 'New SCIM token made; copy it now.');
    if (!made) return;
    newScimToken.value = made.token;
    if (view.value) view.value = { ...view.value, scimTokenCreatedAt: made.createdAt };
  }

  return {
    view,
    error,
    errors,
    newScimToken,
    redirectUrl,
    scimUrl,
    load,
    saveProvider,
    removeProvider,
    saveSettings,
    makeScimToken,
  };
}

export type SsoState = ReturnType<typeof createSsoState>;
