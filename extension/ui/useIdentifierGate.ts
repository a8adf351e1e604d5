import { useState } from 'preact/hooks';
import type { ConfirmedSpan } from '../../shared/text';
import { confirmSpans, type Detector, type FoundSpan, findSpans } from '../lib/phi';

/**
 * Submit guard for a form's free-text values: sends at once when nothing looks like an
 * identifier, otherwise holds the spans until the user says "Send anyway" (or edits).
 */
export function useIdentifierGate(send: (confirmed?: ConfirmedSpan[]) => void) {
  const [pending, setPending] = useState<{ detector: Detector; spans: FoundSpan[] } | null>(null);
  return {
    pending,
    check(detector: Detector | null, texts: readonly string[]) {
      const spans = texts.flatMap((t) => findSpans(detector, t));
      if (!detector || spans.length === 0) send();
      else setPending({ detector, spans });
    },
    async confirm() {
      if (!pending) return;
      const confirmed = await confirmSpans(pending.spans);
      setPending(null);
      send(confirmed);
    },
    cancel: () => setPending(null),
  };
}
