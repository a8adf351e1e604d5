import { useEffect, useState } from 'preact/hooks';
import type { ConfirmedSpan } from '../../shared/text';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

interface Props {
  /** Where the draft is kept: `reflection:<id>`, `thanks:<id>`, or a question's id for a reply. */
  draftKey: string;
  /** The field's id; by default one made from the draft key. */
  id?: string;
  label: string;
  hint?: string;
  max: number;
  submitLabel: string;
  /** What an empty send is told. */
  emptyMessage?: string;
  /** The drafts the text is kept among, and how a keystroke is kept; by default the growth texts'. */
  drafts?: { load: () => Promise<Record<string, string>>; save: (key: string, text: string) => Promise<void> };
  /** Sends the text; true once it is stored (the draft is then cleared by the action). */
  onSend: (text: string, confirmed?: ConfirmedSpan[]) => Promise<boolean>;
}

/**
 * A short text (a reflection, a thank-you, a reply to a clarifying question): kept as a draft until sent,
 * checked like any typed text.
 */
export function PromptBox(props: Props) {
  const { draftKey, label, hint, max, submitLabel, onSend } = props;
  const app = usePopup();
  const drafts = props.drafts ?? { load: app.growthDrafts, save: app.saveGrowthDraft };
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    ([redacted = '']) => onInput(redacted),
  );
  const id = props.id ?? `prompt-${draftKey.replace(/[^\w-]/g, '-')}`;

  useEffect(() => {
    void app.ensureDetector();
    void drafts.load().then((saved) => setText((t) => t || saved[draftKey] || ''));
  }, [draftKey]);

  async function send(confirmed?: ConfirmedSpan[]) {
    if (await onSend(text.trim(), confirmed)) setText('');
  }

  function onInput(value: string) {
    gate.cancel();
    setError('');
    setText(value);
    void drafts.save(draftKey, value);
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!text.trim() || text.length > max) {
      setError(
        text.trim()
          ? `Please keep it under ${max} characters.`
          : (props.emptyMessage ?? 'Please write something first.'),
      );
      document.getElementById(id)?.focus();
      return;
    }
    await app.ensureDetector();
    gate.check(app.detector.value, [text]);
  }

  return (
    <form class="reply-box" onSubmit={onSubmit} noValidate>
      <CheckedTextField
        id={id}
        label={label}
        hint={hint}
        value={text}
        onInput={onInput}
        maxLength={max}
        detector={app.detector.value}
        rows={3}
        error={error}
      />
      {gate.pending ? (
        <SendAnyway gate={gate} />
      ) : (
        <button type="submit" class="primary" disabled={app.busy.value}>
          {submitLabel}
        </button>
      )}
    </form>
  );
}
