/**
 * The one source of time for the worker. Tests move it with setClock() so token expiry,
 * SLAs and retention can be exercised without waiting.
 */
let current: () => number = () => Date.now();

export function now(): number {
  return current();
}

export function setClock(fn: () => number): void {
  current = fn;
}

export function resetClock(): void {
  current = () => Date.now();
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function floorToHour(ms: number): number {
  return ms - (ms % HOUR);
}
