import type { ConfirmedSpan } from '../../shared/text';
import type { Detector } from '../lib/phi';
import { CheckedTextField } from './CheckedTextField';
import { SendAnyway } from './SendAnyway';
import { useIdentifierGate } from './useIdentifierGate';

interface Props {
  id: string;
  label: string;
  submitLabel: string;
  value: string;
  maxLength: number;
  detector: Detector | null;
  disabled?: boolean;
  onInput: (value: string) => void;
  onSend: (text: string, confirmed?: ConfirmedSpan[]) => void;
}

/** A checked text field with its own send button, for answers and clarifying questions. */
export function TextAction({ id, label, submitLabel, value, maxLength, detector, disabled, onInput, onSend }: Props) {
  const gate = useIdentifierGate(
    (confirmed) => onSend(value.trim(), confirmed),
    ([redacted = '']) => onInput(redacted),
  );
  return (
    <form
      class="text-action"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim()) gate.check(detector, [value]);
      }}
      noValidate
    >
      <CheckedTextField
        id={id}
        label={label}
        value={value}
        maxLength={maxLength}
        detector={detector}
        onInput={(v) => {
          gate.cancel();
          onInput(v);
        }}
      />
      {gate.pending ? (
        <SendAnyway gate={gate} />
      ) : (
        <button type="submit" class="primary" disabled={disabled || !value.trim() || value.length > maxLength}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}
