import { useState } from 'preact/hooks';
import { FRAMING_FIELDS, type FramingCard, type FramingField, type FramingText } from '../../shared/coaching';
import type { ConfirmedSpan } from '../../shared/text';
import type { Detector } from '../lib/phi';
import { CheckedTextField } from './CheckedTextField';
import { SendAnyway } from './SendAnyway';
import { useIdentifierGate } from './useIdentifierGate';

const FIELD_MAX = 300;
const FIELDS = Object.entries(FRAMING_FIELDS) as [FramingField, string][];
const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const textOf = (card: FramingCard): FramingText => ({
  problem: card.problem,
  affects: card.affects,
  patients: card.patients,
  measure: card.measure,
  smallestTest: card.smallestTest,
});

interface Props {
  /** Prefixes the fields' ids, so two cards on one page stay apart. */
  id: string;
  card: FramingCard;
  canEdit: boolean;
  detector: Detector | null;
  busy: boolean;
  /** Saves the whole card over `card.revision`; true once stored. */
  onSave: (text: FramingText, revision: number, confirmed?: ConfirmedSpan[]) => Promise<boolean>;
}

/**
 * The framing card of a coaching thread, shared by the popup (the asker) and the inbox (the coach):
 * read as a list, edited as five checked fields. Identifiers are checked across all five before it
 * leaves, like any typed text.
 */
export function FramingCardForm({ id, card, canEdit, detector, busy, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState<FramingText>(() => textOf(card));
  const gate = useIdentifierGate(
    (confirmed) => void save(confirmed),
    (redacted) =>
      setText(Object.fromEntries(FIELDS.map(([k], i) => [k, redacted[i] ?? text[k]])) as unknown as FramingText),
  );

  async function save(confirmed?: ConfirmedSpan[]) {
    const trimmed = Object.fromEntries(FIELDS.map(([k]) => [k, text[k].trim()])) as unknown as FramingText;
    if (await onSave(trimmed, card.revision, confirmed)) setEditing(false);
  }

  function onSubmit(e: Event) {
    e.preventDefault();
    if (FIELDS.some(([k]) => text[k].length > FIELD_MAX)) return;
    gate.check(
      detector,
      FIELDS.map(([k]) => text[k]),
    );
  }

  if (!editing) {
    return (
      <section class="framing" aria-label="Framing card">
        <h3>Framing card</h3>
        <dl>
          {FIELDS.map(([k, label]) => (
            <div key={k}>
              <dt>{label}</dt>
              <dd>{card[k] || <span class="muted">Not written yet</span>}</dd>
            </div>
          ))}
        </dl>
        {card.updatedByName && card.updatedAt && (
          <p class="muted">
            Last saved by {card.updatedByName}, {day.format(new Date(card.updatedAt))}
          </p>
        )}
        {canEdit && (
          <button
            type="button"
            onClick={() => {
              setText(textOf(card));
              setEditing(true);
            }}
          >
            Edit the card
          </button>
        )}
      </section>
    );
  }

  return (
    <form class="framing" aria-label="Framing card" onSubmit={onSubmit} noValidate>
      <h3>Framing card</h3>
      {FIELDS.map(([k, label]) => (
        <CheckedTextField
          key={k}
          id={`${id}-${k}`}
          label={label}
          value={text[k]}
          onInput={(value) => {
            gate.cancel();
            setText({ ...text, [k]: value });
          }}
          maxLength={FIELD_MAX}
          detector={detector}
          rows={2}
        />
      ))}
      {gate.pending ? (
        <SendAnyway gate={gate} />
      ) : (
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            Save the card
          </button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
