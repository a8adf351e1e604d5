import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import type { Role } from '../../shared/enums';
import type { SsoKind, SsoMapping, SsoMode, SsoProvider } from '../../shared/sso';
import { Check } from '../ui/Check';
import { describedBy, Field } from '../ui/Field';
import { RoleChecks } from './RoleChecks';
import { createSsoState, type SsoState } from './sso-state';
import { useAdmin } from './state';

const EMPTY = {
  kind: 'oidc' as SsoKind,
  label: '',
  issuer: '',
  oidcClientId: '',
  secretName: 'SSO_CLIENT_SECRET',
  scopes: 'openid email profile',
  mode: 'jit' as SsoMode,
};

function ProviderForm({ sso, provider }: { sso: SsoState; provider: SsoProvider | undefined }) {
  const values = useSignal({
    ...EMPTY,
    ...(provider ?? {}),
    secretName: provider ? (provider.secretName ?? '') : EMPTY.secretName,
  });
  const set = (k: keyof typeof EMPTY) => (e: Event) =>
    (values.value = { ...values.value, [k]: (e.currentTarget as HTMLInputElement).value });
  const err = sso.errors.value;
  const text = (k: keyof typeof EMPTY, label: string, hint?: string) => {
    const id = `sso-${k}`;
    return (
      <Field id={id} label={label} error={err[k]} hint={hint}>
        <input id={id} type="text" value={values.value[k]} onInput={set(k)} {...describedBy(id, err[k], hint)} />
      </Field>
    );
  };
  async function save(e: Event) {
    e.preventDefault();
    const v = values.value;
    await sso.saveProvider({ ...v, secretName: v.secretName.trim() === '' ? null : v.secretName.trim() }, provider?.id);
  }
  return (
    <form onSubmit={save} noValidate>
      <fieldset>
        <legend>Identity provider</legend>
        <Field id="sso-kind" label="Protocol">
          <select id="sso-kind" value={values.value.kind} onChange={set('kind')}>
            <option value="oidc">OpenID Connect (Entra ID, Okta, Google, Keycloak…)</option>
            <option value="access">
              Cloudflare Access in front of the API (issuer: team domain; client ID: AUD tag)
            </option>
          </select>
        </Field>
        {text('label', 'Name shown to staff', 'e.g. “Hospital account”')}
        {text('issuer', 'Issuer URL', 'Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0')}
        {text('oidcClientId', 'Client ID')}
        {text(
          'secretName',
          'Client secret: Worker secret name',
          'Set it with `wrangler secret put NAME`; empty for a public client',
        )}
        {text('scopes', 'Scopes')}
        <Field id="sso-mode" label="Who may sign in">
          <select id="sso-mode" value={values.value.mode} onChange={set('mode')}>
            <option value="jit">Anyone the provider lets in (accounts made on first sign-in)</option>
            <option value="existing">Only people already provisioned (matched once by verified e-mail)</option>
          </select>
        </Field>
        <button type="submit" class="primary">
          Save provider
        </button>
        {provider && (
          <p class="hint">
            Provider id for the <code>ssoProviderId</code> browser policy: <code>{provider.id}</code>
          </p>
        )}
        {provider && (
          <button type="button" onClick={() => sso.removeProvider(provider.id)}>
            Remove provider
          </button>
        )}
      </fieldset>
    </form>
  );
}

function Mappings({ sso, mappings }: { sso: SsoState; mappings: SsoMapping[] }) {
  const claim = useSignal('groups');
  const value = useSignal('');
  const roles = useSignal<Role[]>(['clinician']);
  const add = (e: Event) => {
    e.preventDefault();
    void sso
      .saveSettings({
        mappings: [...mappings, { claim: claim.value, value: value.value, roles: roles.value, unitId: null }],
      })
      .then((ok) => {
        if (ok) value.value = '';
      });
  };
  return (
    <form onSubmit={add} noValidate>
      <fieldset>
        <legend>Roles from groups and claims</legend>
        <p class="hint">Nobody matched is a clinician. SCIM groups use the “groups” rows, by group name.</p>
        <ul>
          {mappings.map((m, i) => (
            <li key={`${m.claim}=${m.value}`}>
              {m.claim} = “{m.value}” → {m.roles.join(', ')}{' '}
              <button type="button" onClick={() => sso.saveSettings({ mappings: mappings.filter((_, j) => j !== i) })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <Field id="sso-map-claim" label="Claim">
          <input id="sso-map-claim" value={claim.value} onInput={(e) => (claim.value = e.currentTarget.value)} />
        </Field>
        <Field id="sso-map-value" label="Value (group name or ID)">
          <input id="sso-map-value" value={value.value} onInput={(e) => (value.value = e.currentTarget.value)} />
        </Field>
        <RoleChecks legend="Roles" idPrefix="sso-map-role" value={roles.value} onChange={(r) => (roles.value = r)} />
        <button type="submit">Add mapping</button>
      </fieldset>
    </form>
  );
}

/** Single sign-on and SCIM: the provider, mappings, require SSO, and the SCIM token. */
export function SsoPanel({ state }: { state?: SsoState }) {
  const admin = useAdmin();
  const sso = useMemo(() => state ?? createSsoState(admin), [state]);
  useEffect(() => void sso.load(), [sso]);
  const view = sso.view.value;
  if (!view)
    return (
      <section aria-labelledby="sso-heading">
        <h2 id="sso-heading">Single sign-on</h2>
        {sso.error.value ? <p role="alert">{sso.error.value}</p> : <p aria-busy="true">Loading…</p>}
      </section>
    );
  const provider = view.providers[0];
  return (
    <section aria-labelledby="sso-heading">
      <h2 id="sso-heading">Single sign-on</h2>
      {sso.error.value && (
        <p class="error" role="alert">
          {sso.error.value}
        </p>
      )}
      <p>
        Redirect URL to register at the provider (this browser): <code>{sso.redirectUrl()}</code>
      </p>
      <ProviderForm key={provider?.id ?? 'new'} sso={sso} provider={provider} />
      <Mappings sso={sso} mappings={view.settings.mappings} />
      <fieldset>
        <legend>Require SSO</legend>
        <Check
          id="sso-require"
          checked={view.settings.requireSso}
          onChange={(on) => sso.saveSettings({ requireSso: on })}
        >
          Staff sign in with the organisation’s account only; codes work for admins (break-glass, audited)
        </Check>
      </fieldset>
      <fieldset>
        <legend>SCIM provisioning</legend>
        <p>
          SCIM base URL: <code>{sso.scimUrl()}</code>
        </p>
        <p>
          {view.scimTokenCreatedAt
            ? `A token made ${new Date(view.scimTokenCreatedAt).toLocaleString()} is in use.`
            : 'No SCIM token yet.'}
        </p>
        {sso.newScimToken.value && (
          <p role="status">
            Copy this token into the identity provider now; it is not shown again: <code>{sso.newScimToken.value}</code>
          </p>
        )}
        <button type="button" onClick={() => sso.makeScimToken()}>
          Make a new SCIM token
        </button>
      </fieldset>
    </section>
  );
}
