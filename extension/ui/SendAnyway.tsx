import { useEffect, useRef } from 'preact/hooks';
import { describeKinds } from '../lib/phi';
import type { CheckedText, IdentifierGate } from './useIdentifierGate';

/** The text as typed with each span the detector found inside <mark> (spans sorted, overlaps skipped). */
function Highlighted({ text, spans }: CheckedText) {
  const parts = [];
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start), <mark key={s.start}>{text.slice(s.start, s.end)}</mark>);
    at = s.end;
  }
  parts.push(text.slice(at));
  return <p class="redact-preview">{parts}</p>;
}

/**
 * The second, explicit step when possible identifiers remain at submit: the texts with the spans
 * highlighted, redacting as the primary action, and a send button that names what leaves.
 */
export function SendAnyway({ gate, onRedacted }: { gate: IdentifierGate; onRedacted?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const { pending, redact } = gate;
  if (!pending) return null;
  return (
    <div ref={ref} class="confirm" role="alertdialog" aria-labelledby="send-anyway-text" tabIndex={-1}>
      <p id="send-anyway-text">
        This still looks like: {describeKinds(pending.detector, pending.spans)}. Redact it, or send only if you are sure
        it identifies no one.
      </p>
      {pending.checked
        .filter((c) => c.spans.length > 0)
        .map((c, i) => (
          <Highlighted key={i} {...c} />
        ))}
      <div class="row">
        {redact && (
          <button
            type="button"
            class="primary"
            onClick={() => {
              redact();
              onRedacted?.();
            }}
          >
            Redact the highlighted text
          </button>
        )}
        <button type="button" onClick={() => void gate.confirm()}>
          Send with the highlighted text
        </button>
        <button type="button" onClick={gate.cancel}>
          Keep editing
        </button>
      </div>
    </div>
  );
}
