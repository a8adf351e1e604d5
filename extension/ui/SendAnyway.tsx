import { useEffect, useRef } from 'preact/hooks';
import { type Detector, describeKinds, type FoundSpan } from '../lib/phi';

interface Props {
  detector: Detector;
  spans: readonly FoundSpan[];
  onSend: () => void;
  onCancel: () => void;
}

/** The second, explicit confirmation when possible identifiers remain at submit. */
export function SendAnyway({ detector, spans, onSend, onCancel }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} class="confirm" role="alertdialog" aria-labelledby="send-anyway-text" tabIndex={-1}>
      <p id="send-anyway-text">
        This still looks like: {describeKinds(detector, spans)}. If you are sure it identifies no one, send anyway.
      </p>
      <div class="row">
        <button type="button" class="primary" onClick={onSend}>
          Send anyway
        </button>
        <button type="button" onClick={onCancel}>
          Keep editing
        </button>
      </div>
    </div>
  );
}
