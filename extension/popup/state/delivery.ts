import type { FlushResult } from '../../lib/outbox';
import { needsAttentionItem, outboxItem } from '../../lib/storage';
import type { Core } from './core';

/**
 * Whether the item left: in this flush's result, or gone from both the outbox and "needs attention"
 * (another flush, started as the popup opened, may have taken it first).
 */
async function wasDelivered(clientId: string, result: FlushResult | null): Promise<boolean> {
  if (result?.delivered.includes(clientId)) return true;
  const [waiting, attention] = await Promise.all([outboxItem.getValue(), needsAttentionItem.getValue()]);
  return !waiting.some((i) => i.clientId === clientId) && !attention.some((a) => a.item.clientId === clientId);
}

/**
 * Says honestly where a queued item is after the first try to send it: sent, refused (see "Needs
 * attention"), waiting for sign-in, waiting for an update of Curbside, or saved and waiting.
 * True when it was sent.
 */
export async function reportDelivery(
  core: Core,
  noun: string,
  clientId: string,
  result: FlushResult | null,
  sent: string,
): Promise<boolean> {
  const { state, announce } = core;
  if (await wasDelivered(clientId, result)) {
    announce(sent);
    return true;
  }
  if (result?.needsAttention.includes(clientId))
    state.error.value = `${noun} not sent: see “Needs attention” below to fix it.`;
  else if (result?.needsSignIn) state.error.value = `${noun} saved. Sign in again to send it.`;
  else if (result?.updateRequired)
    state.error.value = `${noun} saved on this device. Curbside needs an update before it can send it: see above.`;
  else
    announce(`${noun} saved on this device. Waiting to send (${state.waiting.value.length}); Curbside keeps trying.`);
  return false;
}
