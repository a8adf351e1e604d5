import { endpoints } from '../../../shared/api';
import type { DigestRole } from '../../../shared/digests';
import type { Mentorships } from '../../lib/mentorships';
import type { Core } from './core';

/**
 * "This week" and my mentorship in the popup: personal reads loaded on first use, like the sign-ins
 * (one chunk, so the popup's first render carries a single loader for both).
 */
export function createDigestActions(core: Core) {
  return {
    myDigest: async (role: DigestRole) => (await core.api()).call(endpoints.myDigest, { query: { role } }),
    // Its own chunk again: the first render's loader for this one stays as small as it was.
    mentorshipStore: async (): Promise<Mentorships> => (await import('./mentorships')).mentorshipStoreFor(core),
  };
}
