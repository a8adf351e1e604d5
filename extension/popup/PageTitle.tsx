import type { Detector } from '../lib/phi';
import { CheckedTextField } from '../ui/CheckedTextField';

interface Props {
  id: string;
  value: string | null;
  detector: Detector | null;
  error?: string;
  onAdd: () => void;
  onChange: (value: string | null) => void;
}

/** The page title is never taken automatically: only on request, and then checked like typed text. */
export function PageTitle({ id, value, detector, error, onAdd, onChange }: Props) {
  if (value === null)
    return (
      <button type="button" class="link" onClick={onAdd}>
        Add page title
      </button>
    );
  return (
    <div>
      <CheckedTextField
        id={id}
        label="Page title (optional)"
        value={value}
        onInput={onChange}
        maxLength={300}
        detector={detector}
        multiline={false}
        error={error}
      />
      <button type="button" class="link" onClick={() => onChange(null)}>
        Remove page title
      </button>
    </div>
  );
}
