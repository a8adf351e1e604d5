import { useState } from 'preact/hooks';
import type { MyItem } from './my-items';
import { usePopup } from './state';

/**
 * Withdraw a flag or close a question, each behind one confirming step: neither can be undone, and
 * a withdrawn flag stops counting towards its hotspot.
 */
export function ItemActions({ item }: { item: MyItem }) {
  const app = usePopup();
  const [confirming, setConfirming] = useState(false);
  const isFlag = item.kind === 'flag';
  const open = isFlag ? !item.withdrawn : item.question?.status !== 'closed';
  if (!open) return null;
  const talk = item.question?.kind === 'need_to_talk';
  const label = isFlag ? 'Withdraw this flag' : talk ? 'Close this request' : 'Close this question';

  async function confirm() {
    const done = isFlag ? await app.withdrawFlag(item) : await app.closeQuestion(item.id);
    if (done) setConfirming(false);
  }

  if (!confirming)
    return (
      <p class="item-actions">
        <button type="button" class="link" disabled={app.busy.value} onClick={() => setConfirming(true)}>
          {isFlag ? 'Withdraw' : talk ? 'Close request' : 'Close question'}
        </button>
      </p>
    );
  return (
    <div class="confirm">
      <p>
        {isFlag
          ? 'Withdraw this flag? It stops counting towards its hotspot, and this cannot be undone.'
          : talk
            ? 'Close this request? Peer supporters stop seeing it; the contacts stay under “Need to talk”.'
            : 'Close this question? Mentors stop seeing it; ask again if you still need help.'}
      </p>
      <div class="row">
        <button type="button" class="primary" disabled={app.busy.value} onClick={() => void confirm()}>
          {app.busy.value ? 'Working…' : label}
        </button>
        <button type="button" disabled={app.busy.value} onClick={() => setConfirming(false)}>
          Keep it
        </button>
      </div>
    </div>
  );
}
