import { Coverage, CoverageQuery } from '../routing';
import { type Endpoint, REPORTERS } from './endpoint';

/** What the Ask and Need-to-talk forms read before sending. */
export const routingEndpoints = {
  routeCoverage: {
    method: 'get',
    path: '/v1/routing/coverage',
    summary:
      'Whether anyone takes a topic × discipline (and a peer supporter is there), with the nearest covered route',
    tag: 'questions',
    roles: REPORTERS,
    query: CoverageQuery,
    response: Coverage,
    status: 200,
  },
} as const satisfies Record<string, Endpoint>;
