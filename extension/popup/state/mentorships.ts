import { createMentorships, type Mentorships } from '../../lib/mentorships';
import type { Core } from './core';

const stores = new WeakMap<Core, Mentorships>();

/** A mentee's mentorship in the popup: one store per popup, built on first use (My items, the Ask form). */
export function mentorshipStoreFor(core: Core): Mentorships {
  let store = stores.get(core);
  if (!store) {
    store = createMentorships(async (endpoint, input) => (await core.api()).call(endpoint, input), {
      ok: core.announce,
      fail: core.fail,
    });
    stores.set(core, store);
  }
  return store;
}
