import { z } from 'zod';
import { Discipline, Role } from './enums';
import { Id, IsoTime } from './ids';

/** Per provider: create users on first sign-in (`jit`), or only sign in people already known (`existing`). */
export const SsoMode = z.enum(['jit', 'existing']);
export type SsoMode = z.infer<typeof SsoMode>;

/**
 * A claim value (say `groups` contains "curbside-mentors") that gives roles and, optionally, a unit.
 * The same mappings turn SCIM group membership (claim `groups`, by the group's display name) into roles.
 */
export const SsoMapping = z
  .object({
    claim: z.string().trim().min(1).max(64).default('groups'),
    value: z.string().trim().min(1).max(256),
    roles: z.array(Role).min(1).max(5),
    unitId: Id.nullable().default(null),
  })
  .strict();
export type SsoMapping = z.infer<typeof SsoMapping>;

/** The name of a Worker secret (`wrangler secret put NAME`), never the secret itself. */
export const SecretName = z.string().regex(/^[A-Z][A-Z0-9_]{2,63}$/, 'A Worker secret name, like SSO_CLIENT_SECRET');

/**
 * `oidc`: sign-in through the provider's pages. `access`: the API sits behind Cloudflare Access, whose
 * signed assertion (Cf-Access-Jwt-Assertion) names the person; `issuer` is the team domain
 * (https://<team>.cloudflareaccess.com) and the client id is the Access application's AUD tag.
 */
export const SsoKind = z.enum(['oidc', 'access']);
export type SsoKind = z.infer<typeof SsoKind>;

export const SsoProviderInput = z
  .object({
    kind: SsoKind.default('oidc'),
    label: z.string().trim().min(1).max(80),
    issuer: z.url().max(512),
    oidcClientId: z.string().trim().min(1).max(256),
    /** Null for a public client (PKCE alone), as some IdPs allow for browser extensions. */
    secretName: SecretName.nullable().default(null),
    scopes: z
      .string()
      .trim()
      .max(256)
      .regex(/^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/, 'Space-separated scopes')
      .default('openid email profile'),
    mode: SsoMode.default('jit'),
  })
  .strict();
export type SsoProviderInput = z.input<typeof SsoProviderInput>;

export const SsoProvider = SsoProviderInput.extend({ id: Id, updatedAt: IsoTime });
export type SsoProvider = z.infer<typeof SsoProvider>;

export const SsoSettings = z.object({ requireSso: z.boolean(), mappings: z.array(SsoMapping).max(50) }).strict();
export type SsoSettings = z.infer<typeof SsoSettings>;
export const SsoSettingsPatch = SsoSettings.partial().strict();
export type SsoSettingsPatch = z.input<typeof SsoSettingsPatch>;

export const SsoAdminView = z.object({
  settings: SsoSettings,
  providers: z.array(SsoProvider),
  /** When the live SCIM token was made; the token itself is shown once. */
  scimTokenCreatedAt: IsoTime.nullable(),
});
export type SsoAdminView = z.infer<typeof SsoAdminView>;

export const ScimTokenCreated = z.object({ token: z.string(), createdAt: IsoTime });
export type ScimTokenCreated = z.infer<typeof ScimTokenCreated>;

/** What the popup lists before anyone is signed in. */
export const SsoPublicProviders = z.object({
  providers: z.array(z.object({ id: Id, label: z.string(), kind: SsoKind })),
  requireSso: z.boolean(),
});
export type SsoPublicProviders = z.infer<typeof SsoPublicProviders>;

export const SsoStartRequest = z.object({ providerId: Id, redirectUri: z.url().max(512) }).strict();
export type SsoStartRequest = z.infer<typeof SsoStartRequest>;

export const SsoStart = z.object({ authorizeUrl: z.url(), state: z.string() });
export type SsoStart = z.infer<typeof SsoStart>;

export const SsoCompleteRequest = z
  .object({ state: z.string().min(16).max(128), code: z.string().min(1).max(2048) })
  .strict();
export type SsoCompleteRequest = z.infer<typeof SsoCompleteRequest>;

/** Claims a provider may send that shape a just-in-time user. */
export const SsoProfileClaims = z.object({
  name: z.string().trim().min(1).max(80).optional().catch(undefined),
  discipline: Discipline.optional().catch(undefined),
});
