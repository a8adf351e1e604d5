import { useMemo } from 'preact/hooks';
import { type Detector, findSpans } from '../lib/phi';

interface Props {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  maxLength: number;
  /** The identifier detector, loaded lazily by the form; null shows no highlights. */
  detector?: Detector | null;
  multiline?: boolean;
  rows?: number;
  error?: string;
  hint?: string;
}

/**
 * Every field where a person types free text. Possible identifiers are listed under it with a way
 * to redact each; the form asks for an explicit "Send anyway" if any remain at submit.
 */
export function CheckedTextField({
  id,
  label,
  value,
  onInput,
  maxLength,
  detector,
  multiline = true,
  rows = 4,
  error,
  hint,
}: Props) {
  const spans = useMemo(() => findSpans(detector, value), [detector, value]);
  const describedBy = [hint && `${id}-hint`, `${id}-count`, spans.length > 0 && `${id}-ids`, error && `${id}-error`]
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    spellcheck: true,
    onInput: (e: { currentTarget: HTMLTextAreaElement | HTMLInputElement }) => onInput(e.currentTarget.value),
  };
  const over = value.length > maxLength;
  const redact = (which = spans) => detector && onInput(detector.redactIdentifiers(value, which));

  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {multiline ? <textarea {...common} rows={rows} /> : <input type="text" {...common} />}
      <p id={`${id}-count`} class={over ? 'counter over' : 'counter'}>
        {value.length} / {maxLength}
      </p>
      {spans.length > 0 && (
        <div id={`${id}-ids`} class="identifiers">
          <p>Please remove anything that could identify a patient or a colleague:</p>
          <ul>
            {spans.map((s) => (
              <li key={`${s.start}-${s.end}`}>
                Looks like {detector?.KIND_LABELS[s.kind]}: “<mark>{s.text}</mark>”{' '}
                <button type="button" class="link" aria-label={`Redact “${s.text}”`} onClick={() => redact([s])}>
                  Redact
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => redact()}>
            Redact all
          </button>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
