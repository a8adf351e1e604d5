import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { KbEntry } from '../../shared/kb';
import { usePopup } from './state';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/**
 * One published answer, collapsed to its question. Opening it fetches the whole de-identified
 * copy, which the server counts as a deflection, once per popup.
 */
export function KbAnswer({
  id,
  title,
  preview,
}: {
  id: string;
  title: ComponentChildren;
  preview?: ComponentChildren;
}) {
  const app = usePopup();
  const [open, setOpen] = useState(false);
  const [entry, setEntry] = useState<KbEntry | null>(null);
  const [failed, setFailed] = useState(false);

  async function toggle() {
    setOpen(!open);
    if (open || entry) return;
    setFailed(false);
    try {
      setEntry(await app.openKb(id));
    } catch {
      setFailed(true);
    }
  }

  return (
    <>
      <button type="button" class="link kb-title" aria-expanded={open} onClick={() => void toggle()}>
        {title}
      </button>
      {preview && !open && <p class="muted kb-snippet">{preview}</p>}
      {open &&
        (entry ? (
          <blockquote class="answer">
            {entry.answers.map((a, i) => (
              <p key={i}>{a}</p>
            ))}
            <footer>Answered by a mentor, published {day.format(new Date(entry.publishedAt))}</footer>
          </blockquote>
        ) : failed ? (
          <p class="muted">This answer could not be opened. Please try again.</p>
        ) : (
          <p aria-busy="true">Loading…</p>
        ))}
    </>
  );
}
