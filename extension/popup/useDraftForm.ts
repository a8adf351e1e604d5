import { useState } from 'preact/hooks';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import type { FieldErrors } from './forms';
import { usePopup } from './state';

interface Options<D> {
  kind: 'flag' | 'question';
  draft: D | null;
  save: (patch: Partial<D>) => void;
  validate: (d: D) => FieldErrors;
  /** Field ids are `${idPrefix}-${field}`: the first field in error takes focus. */
  idPrefix: string;
  /** The free text the identifier check reads before sending. */
  texts: (d: D) => string[];
  /** The same texts back, redacted, as a patch of the draft. */
  fromTexts: (texts: string[], d: D) => Partial<D>;
}

/**
 * What the Flag and Ask forms share: field errors, the identifier gate (any edit cancels a pending
 * "send anyway"), and a submit that validates, focuses the first problem, then checks the text.
 */
export function useDraftForm<D>({ kind, draft, save, validate, idPrefix, texts, fromTexts }: Options<D>) {
  const app = usePopup();
  const [errors, setErrors] = useState<FieldErrors>({});
  const gate = useIdentifierGate(
    (confirmed) => void app.submit(kind, confirmed),
    (redacted) => draft && save(fromTexts(redacted, draft)),
  );

  const update = (patch: Partial<D>) => {
    gate.cancel();
    save(patch);
  };

  async function onSubmit(e: Event) {
    e.preventDefault();
    if (!draft) return;
    const found = validate(draft);
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    await app.ensureDetector();
    gate.check(app.detector.value, texts(draft));
  }

  /** Ctrl+Enter (⌘+Enter on a Mac) sends from anywhere in the form, the text included. */
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void onSubmit(e);
  }

  return { errors, gate, update, onSubmit, onKeyDown };
}
