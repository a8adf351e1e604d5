// Types for the local OpenID provider (oidc-dev-provider.mjs), which TypeScript tests import.
export declare const DEMO_CLIENT: { clientId: string; clientSecret: string };
export declare const DEMO_PUBLIC_CLIENT: { clientId: string };
export declare const DEMO_USERS: Record<
  string,
  { name: string; email: string; groups: string[]; emailVerified?: boolean }
>;
export declare function startOidcProvider(options?: { port?: number }): Promise<{
  issuer: string;
  close: () => Promise<unknown>;
}>;
