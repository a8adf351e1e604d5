import { createMentorships, type Mentorships } from '../../lib/mentorships';
import type { Core } from './core';

/** A mentee's mentorship in the popup: one store, built on first use (My items, the Ask form). */
export function createMentorshipActions(core: Core) {
  let store: Mentorships | null = null;
  return {
    mentorshipStore: async (): Promise<Mentorships> => {
      store ??= createMentorships(async (endpoint, input) => (await core.api()).call(endpoint, input), {
        ok: core.announce,
        fail: core.fail,
      });
      return store;
    },
  };
}
