import { useEffect, useState } from 'preact/hooks';
import type { KbHit } from '../../shared/kb';
import { KbAnswer } from './KbAnswer';
import { Segments } from './Segments';
import { usePopup } from './state';

const SEARCH_DELAY_MS = 400;
const SEARCH_MIN_CHARS = 8;

/**
 * "Answers that may help" while a question is typed: the draft is redacted first and sent in a
 * POST body (never a URL), at most once per pause in typing.
 */
export function KbMatches({ text }: { text: string }) {
  const app = usePopup();
  const [hits, setHits] = useState<KbHit[]>([]);

  useEffect(() => {
    const draft = text.trim();
    if (draft.length < SEARCH_MIN_CHARS) {
      setHits([]);
      return;
    }
    let live = true;
    const timer = setTimeout(async () => {
      const detector = app.detector.value;
      // Nothing leaves the browser unredacted: no detector yet, no search.
      if (!detector) return;
      try {
        const found = await app.searchKb(detector.redactIdentifiers(draft).trim());
        if (live) setHits(found);
      } catch {
        if (live) setHits([]);
      }
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, app.detector.value]);

  if (hits.length === 0) return null;
  return (
    <section class="kb" aria-labelledby="kb-matches-heading">
      <h2 id="kb-matches-heading">Answers that may help</h2>
      <ul class="kb-list">
        {hits.map((h) => (
          <li key={h.id}>
            <KbAnswer id={h.id} title={<Segments segments={h.title} />} preview={<Segments segments={h.snippet} />} />
          </li>
        ))}
      </ul>
    </section>
  );
}
