import { endpoints } from '../../../shared/api';
import type { Coverage, CoverageQuery } from '../../../shared/routing';
import type { Core } from './core';

/** Whether anyone takes a route before a question is sent; loaded with the services. */
export function createRoutingActions(core: Core) {
  const { api } = core;

  /** Null when the API cannot say (offline): the forms then say nothing rather than guess. */
  async function routeCoverage(query: CoverageQuery): Promise<Coverage | null> {
    try {
      return await (await api()).call(endpoints.routeCoverage, { query });
    } catch {
      return null;
    }
  }

  return { routeCoverage };
}
