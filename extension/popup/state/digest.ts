import { endpoints } from '../../../shared/api';
import type { DigestRole } from '../../../shared/digests';
import type { Core } from './core';

/** "This week" in the popup: loaded on first use, like the sign-ins. */
export function createDigestActions(core: Core) {
  return {
    myDigest: async (role: DigestRole) => (await core.api()).call(endpoints.myDigest, { query: { role } }),
  };
}
