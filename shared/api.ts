import { accountEndpoints } from './api/account';
import { adminEndpoints } from './api/admin';
import { coreEndpoints } from './api/core';
import { digestEndpoints } from './api/digests';
import { growthEndpoints } from './api/growth';
import { hotspotEndpoints } from './api/hotspots';
import { mentorEndpoints } from './api/mentor';
import { mentorshipEndpoints } from './api/mentorships';
import { routingEndpoints } from './api/routing';
import { ssoEndpoints } from './api/sso';
import { trainingEndpoints } from './api/training';

export { Health } from './api/core';
export * from './api/endpoint';

/**
 * The API contract both sides build on: the worker registers each entry (validation, role check,
 * identifier check, OpenAPI with `x-roles`), and the extension's client calls by entry. Each area
 * keeps its entries in its own file under shared/api/.
 */
export const endpoints = {
  ...coreEndpoints,
  ...accountEndpoints,
  ...hotspotEndpoints,
  ...adminEndpoints,
  ...mentorEndpoints,
  ...routingEndpoints,
  ...ssoEndpoints,
  ...digestEndpoints,
  ...growthEndpoints,
  ...trainingEndpoints,
  ...mentorshipEndpoints,
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
