// Starts real OpenID providers (panva's oidc-provider) on loopback ports for the worker tests; they
// reach them over HTTP from workerd and read their URLs with inject(). The key tests get a provider of
// their own, so rotating its keys or taking its JWKS offline cannot disturb a test file running beside.
import { startOidcProvider } from '../../scripts/oidc-dev-provider.mjs';

export default async function setup(project) {
  const main = await startOidcProvider();
  const keys = await startOidcProvider();
  // Stands in for a Cloudflare Access team domain: the same keys at /cdn-cgi/access/certs.
  const access = await startOidcProvider();
  project.provide('oidcIssuer', main.issuer);
  project.provide('oidcKeysIssuer', keys.issuer);
  project.provide('accessTeamDomain', access.issuer);
  return async () => {
    await Promise.all([main.close(), keys.close(), access.close()]);
  };
}
