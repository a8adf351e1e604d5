import { useEffect, useState } from 'preact/hooks';
import type { ConfirmedSpan } from '../../shared/text';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

interface Props {
  /** Where the draft is kept: `reflection:<id>` or `thanks:<id>`. */
  draftKey: string;
  label: string;
  hint?: string;
  max: number;
  submitLabel: string;
  /** Sends the text; true once it is stored (the draft is then cleared by the action). */
  onSend: (text: string, confirmed?: ConfirmedSpan[]) => Promise<boolean>;
}

/** A short optional text (a reflection, a thank-you): kept as a draft until sent, checked like any typed text. */
export function PromptBox({ draftKey, label, hint, max, submitLabel, onSend }: Props) {
  const app = usePopup();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    ([redacted = '']) => onInput(redacted),
  );
  const id = `prompt-${draftKey.replace(/[^\w-]/g, '-')}`;

  useEffect(() => {
    void app.ensureDetector();
    void app.growthDrafts().then((drafts) => setText((t) => t || drafts[draftKey] || ''));
  }, [draftKey]);

  async function send(confirmed?: ConfirmedSpan[]) {
    if (await onSend(text.trim(), confirmed)) setText('');
  }

  function onInput(value: string) {
    gate.cancel();
    setError('');
    setText(value);
    void app.saveGrowthDraft(draftKey, value);
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!text.trim() || text.length > max) {
      setError(text.trim() ? `Please keep it under ${max} characters.` : 'Please write something first.');
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
