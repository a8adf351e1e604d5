/** Messages from the popup to the background's SSO sign-in (lib/sso.ts); apart, so the popup stays small. */
export const SSO_MESSAGE = 'curbside.sso.signIn';
export const SSO_PROVIDERS_MESSAGE = 'curbside.sso.providers';
