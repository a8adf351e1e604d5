import { useEffect, useRef, useState } from 'preact/hooks';
import { SendAnyway } from '../ui/SendAnyway';
import type { IdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

interface Props {
  gate: IdentifierGate;
  sendLabel: string;
}

/** The foot of the Flag and Ask forms: send and back, or the identifier check when identifiers remain. */
export function DraftFormActions({ gate, sendLabel }: Props) {
  const app = usePopup();
  const sendRef = useRef<HTMLButtonElement>(null);
  // After "Redact", focus lands on Send: the redacted text is in the fields above, ready to go.
  const [focusSend, setFocusSend] = useState(false);
  useEffect(() => {
    if (focusSend && sendRef.current) {
      sendRef.current.focus();
      setFocusSend(false);
    }
  }, [focusSend, gate.pending]);
  if (gate.pending) return <SendAnyway gate={gate} onRedacted={() => setFocusSend(true)} />;
  return (
    <div class="row">
      <button
        ref={sendRef}
        type="submit"
        class="primary"
        disabled={app.busy.value}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        title="Ctrl+Enter (⌘+Enter)"
      >
        {sendLabel}
      </button>
      <button type="button" onClick={() => void app.open('home')}>
        Back
      </button>
    </div>
  );
}
