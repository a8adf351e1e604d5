import { useState } from 'preact/hooks';
import type { ConfirmedSpan } from '../../shared/text';
import { confirmSpans, type Detector, type FoundSpan, findSpans } from '../lib/phi';

/** One checked text and what the detector found in it (spans are offsets into this text). */
export interface CheckedText {
  text: string;
  spans: FoundSpan[];
}

export interface PendingCheck {
  detector: Detector;
  checked: CheckedText[];
  spans: FoundSpan[];
}

/**
 * Submit guard for a form's free-text values: sends at once when nothing looks like an identifier,
 * otherwise holds the spans until the user redacts them (`apply` gets the texts back, in the order
 * checked, with the spans replaced) or says "Send with the highlighted text" (or edits).
 */
export function useIdentifierGate(send: (confirmed?: ConfirmedSpan[]) => void, apply?: (texts: string[]) => void) {
  const [pending, setPending] = useState<PendingCheck | null>(null);
  return {
    pending,
    check(detector: Detector | null, texts: readonly string[]) {
      const checked = texts.map((text) => ({ text, spans: findSpans(detector, text) }));
      const spans = checked.flatMap((c) => c.spans);
      if (!detector || spans.length === 0) send();
      else setPending({ detector, checked, spans });
    },
    /** Null when the form gave no way to write the redacted texts back. */
    redact: apply
      ? () => {
          if (!pending) return;
          const { detector, checked } = pending;
          setPending(null);
          apply(checked.map((c) => (c.spans.length ? detector.redactIdentifiers(c.text, c.spans) : c.text)));
        }
      : null,
    async confirm() {
      if (!pending) return;
      const confirmed = await confirmSpans(pending.spans);
      setPending(null);
      send(confirmed);
    },
    cancel: () => setPending(null),
  };
}

export type IdentifierGate = ReturnType<typeof useIdentifierGate>;
