import { signal } from '@preact/signals';
import { endpoints } from '../../shared/api';
import type { ConfirmedSpan } from '../../shared/text';
import type { TipRequest } from '../../shared/training';
import type { Api } from '../lib/api';

type Guarded = <T>(work: () => Promise<T>, done?: string) => Promise<T | undefined>;

/**
 * Tips asked for after a training gap, beside the inbox's state: the open requests routed to this mentor,
 * and writing one (once per clientId, so a double click or a retry makes one tip).
 */
export function createTipRequests(api: () => Api, guarded: Guarded) {
  /** Null until read. */
  const tipRequests = signal<TipRequest[] | null>(null);

  /** An optional panel: when the list cannot be read it stays hidden rather than raising the inbox's error. */
  async function loadTipRequests() {
    const got = await api()
      .call(endpoints.tipRequests, {})
      .catch(() => null);
    if (got) tipRequests.value = got.requests;
  }

  /** True once the tip is written (or a colleague's answered the request meanwhile: the list then drops it). */
  async function writeTip(requestId: string, clientId: string, text: string, confirmedSpans?: ConfirmedSpan[]) {
    const written = await guarded(
      () =>
        api().call(endpoints.writeRequestedTip, {
          params: { id: requestId },
          body: { clientId, text, ...(confirmedSpans ? { confirmedSpans } : {}) },
        }),
      'Tip published: everyone opening Curbside on that screen sees it, and every reporter hears of it.',
    );
    await loadTipRequests();
    return written !== undefined;
  }

  return { tipRequests, loadTipRequests, writeTip };
}
