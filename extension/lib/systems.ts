import type { Signal } from '@preact/signals';
import { endpoints } from '../../shared/api';
import type { System } from '../../shared/systems';
import type { Api } from './api';
import { systemsItem } from './storage';

/** The admins' systems: the cached copy at once, then the API's (kept for offline use). */
export async function loadSystems(target: Signal<System[]>, client: Api, now: number): Promise<void> {
  const cached = await systemsItem.getValue();
  if (cached) target.value = cached.systems;
  try {
    const { systems } = await client.call(endpoints.systems, {});
    target.value = systems;
    await systemsItem.setValue({ systems, fetchedAt: now });
  } catch {
    // Offline or an older API: names and the picker simply use what is cached.
  }
}
