import { SendAnyway } from '../ui/SendAnyway';
import type { useIdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

interface Props {
  gate: ReturnType<typeof useIdentifierGate>;
  sendLabel: string;
}

/** The foot of the Flag and Ask forms: send and back, or the "send anyway" check when identifiers remain. */
export function DraftFormActions({ gate, sendLabel }: Props) {
  const app = usePopup();
  if (gate.pending)
    return (
      <SendAnyway
        detector={gate.pending.detector}
        spans={gate.pending.spans}
        onSend={() => void gate.confirm()}
        onCancel={gate.cancel}
      />
    );
  return (
    <div class="row">
      <button type="submit" class="primary" disabled={app.busy.value}>
        {sendLabel}
      </button>
      <button type="button" onClick={() => void app.open('home')}>
        Back
      </button>
    </div>
  );
}
