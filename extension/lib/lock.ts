/**
 * Serialises read-modify-write of shared storage between the popup and the service worker.
 * Web Locks span every page of the extension's origin; the in-memory chains cover environments
 * without them (tests, old browsers), where only one context runs anyway.
 */
const chains = new Map<string, Promise<unknown>>();

export function withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (locks) return locks.request(name, fn) as Promise<T>;
  const run = (chains.get(name) ?? Promise.resolve()).then(fn, fn);
  chains.set(
    name,
    run.catch(() => undefined),
  );
  return run;
}
