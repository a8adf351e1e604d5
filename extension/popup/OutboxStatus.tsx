import { lazyPart } from './LazyView';
import { usePopup } from './state';

// Items needing attention are rare: their list loads when there is one, keeping the popup's first render
// small. The heading stays here, so whether anything needs attention shows with the first paint.
const AttentionList = lazyPart(() => import('./AttentionList').then((m) => m.AttentionList));

/** Honest delivery state: what is still on this device, and what needs the user. */
export function OutboxStatus() {
  const app = usePopup();
  const waiting = app.waiting.value;
  const attention = app.needsAttention.value;
  return (
    <>
      {waiting.length > 0 && (
        <section class="outbox" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">Waiting to send ({waiting.length})</h2>
          <p class="hint">Saved on this device. Curbside retries every minute while the browser is open.</p>
          <button type="button" disabled={app.busy.value} onClick={() => void app.flushNow()}>
            Try sending now
          </button>
        </section>
      )}
      {attention.length > 0 && (
        <section class="outbox" aria-labelledby="attention-heading">
          <h2 id="attention-heading">Needs attention ({attention.length})</h2>
          <AttentionList attention={attention} />
        </section>
      )}
    </>
  );
}
