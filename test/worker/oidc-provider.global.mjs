// Starts real OpenID providers (panva's oidc-provider) on loopback ports for the worker tests; they
// reach them over HTTP from workerd and read their URLs with inject(). The key tests get a provider of
// their own, so rotating its keys or taking its JWKS offline cannot disturb a test file running beside.
import { startOidcProvider } from '../../scripts/oidc-dev-provider.mjs';

export default async function setup(project) {
  const main = await startOidcProvider();
  const keys = await startOidcProvider();
  project.provide('oidcIssuer', main.issuer);
  project.provide('oidcKeysIssuer', keys.issuer);
  return async () => {
    await main.close();
    await keys.close();
  };
}
