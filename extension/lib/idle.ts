import { idleNoticeItem } from './storage';

/** Said once by the next Curbside page that opens after an idle sign-out. */
export const IDLE_NOTICE = 'You were signed out because Curbside was not used for a while.';

/** The stricter of IT policy and organisation setting; 0 (off) only when both are off. */
export function effectiveIdleMinutes(policyMinutes: number | undefined, orgMinutes: number): number {
  const on = [policyMinutes ?? 0, orgMinutes].filter((m) => m > 0);
  return on.length === 0 ? 0 : Math.min(...on);
}

/** Whether the signed-in user has been away longer than the idle limit. */
export function idleDue(lastActive: number, minutes: number, now: number): boolean {
  return minutes > 0 && lastActive > 0 && now - lastActive >= minutes * 60_000;
}

/** The idle notice, once: true if an idle sign-out happened since the last call. */
export async function takeIdleNotice(): Promise<boolean> {
  const shown = await idleNoticeItem.getValue();
  if (shown) await idleNoticeItem.setValue(false);
  return shown;
}
