import { useEffect, useState } from 'preact/hooks';
import type { ConfirmedSpan } from '../../shared/text';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

const REPLY_MAX = 1500;

/** The asker's answer to a clarifying question; kept as a draft until sent, checked like any typed text. */
export function ReplyBox({ questionId }: { questionId: string }) {
  const app = usePopup();
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const gate = useIdentifierGate(
    (confirmed) => void send(confirmed),
    ([redacted = '']) => onInput(redacted),
  );
  const id = `reply-${questionId}`;

  useEffect(() => {
    void app.ensureDetector();
    void app.replyDrafts().then((drafts) => setText((t) => t || drafts[questionId] || ''));
  }, [questionId]);

  async function send(confirmed?: ConfirmedSpan[]) {
    if (await app.reply(questionId, text.trim(), confirmed)) setText('');
  }

  function onInput(value: string) {
    gate.cancel();
    setError('');
    setText(value);
    void app.saveReplyDraft(questionId, value);
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!text.trim() || text.length > REPLY_MAX) {
      setError(text.trim() ? `Please keep it under ${REPLY_MAX} characters.` : 'Please write your reply.');
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
        label="Your reply"
        value={text}
        onInput={onInput}
        maxLength={REPLY_MAX}
        detector={app.detector.value}
        rows={3}
        error={error}
      />
      {gate.pending ? (
        <SendAnyway gate={gate} />
      ) : (
        <button type="submit" class="primary" disabled={app.busy.value}>
          Reply
        </button>
      )}
    </form>
  );
}
