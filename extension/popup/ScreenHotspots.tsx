import { useEffect, useState } from 'preact/hooks';
import { CATEGORY_LABELS } from '../../shared/enums';
import { FLAG_STATUS_LABELS } from '../../shared/flags';
import type { SystemHotspot } from '../../shared/hotspots';
import { PDSA_STAGE_LABELS } from '../../shared/pdsa';
import { enoughWords } from '../../shared/similarity';
import { usePopup } from './state';

const SIMILAR_DELAY_MS = 700;

function Entry({ h, onMeToo, done }: { h: SystemHotspot; onMeToo: (id: string) => void; done: boolean }) {
  return (
    <li class="screen-hotspot">
      <p>
        <strong>{h.title ?? CATEGORY_LABELS[h.category]}</strong> · {FLAG_STATUS_LABELS[h.status]}
        {h.reporterCount !== null && ` · ${h.reporterCount} people`}
      </p>
      {h.response && <p class="response">You said, we did: {h.response}</p>}
      {h.cycles.map((c) => (
        <p key={c.id} class="muted">
          Testing a change: {c.changeIdea} ({PDSA_STAGE_LABELS[c.stage]})
        </p>
      ))}
      <button type="button" disabled={done} onClick={() => onMeToo(h.id)}>
        {done ? 'Added' : 'Me too'}
      </button>
    </li>
  );
}

/**
 * On Flag friction: hotspots already flagged on this screen (fetched per system, matched here),
 * with their public response and a one-click "me too"; and similar ones while the draft is typed
 * (redacted first, sent in a POST body). The server matches a draft only with hotspots' public
 * titles and screens, answers drafts of fewer than a few distinctive words with nothing and limits
 * how often it is asked: a draft too short, or an answer refused (429), just shows no suggestions.
 */
export function ScreenHotspots() {
  const app = usePopup();
  const screen = app.flagDraft.value?.screen ?? null;
  const text = app.flagDraft.value?.text ?? '';
  const [onScreen, setOnScreen] = useState<SystemHotspot[]>([]);
  const [similar, setSimilar] = useState<SystemHotspot[]>([]);
  const [added, setAdded] = useState<string[]>([]);

  useEffect(() => {
    setOnScreen([]);
    if (!screen) return;
    let live = true;
    app
      .screenHotspots(screen)
      .then((hotspots) => live && setOnScreen(hotspots))
      // Offline or signed out: the form works without suggestions.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [screen?.host, screen?.path]);

  useEffect(() => {
    if (!screen || !enoughWords(text)) {
      setSimilar([]);
      return;
    }
    const timer = setTimeout(async () => {
      const detector = app.detector.value;
      if (!detector) return;
      const redacted = detector.redactIdentifiers(text).trim();
      // Fewer words once identifiers are out: the server would answer with nothing, so do not ask.
      if (!enoughWords(redacted)) {
        setSimilar([]);
        return;
      }
      try {
        setSimilar(await app.similarHotspots(screen.host, redacted));
      } catch {
        setSimilar([]);
      }
    }, SIMILAR_DELAY_MS);
    return () => clearTimeout(timer);
  }, [screen?.host, text]);

  async function meToo(id: string) {
    if (await app.meToo(id, app.flagDraft.value?.anonymous ?? false)) setAdded((a) => [...a, id]);
  }

  const shown = new Set(onScreen.map((h) => h.id));
  const more = similar.filter((h) => !shown.has(h.id));
  if (onScreen.length === 0 && more.length === 0) return null;
  return (
    <section class="screen-hotspots" aria-label="Already flagged">
      {onScreen.length > 0 && (
        <>
          <p>Already flagged on this screen:</p>
          <ul>
            {onScreen.map((h) => (
              <Entry key={h.id} h={h} onMeToo={(id) => void meToo(id)} done={added.includes(h.id)} />
            ))}
          </ul>
        </>
      )}
      {more.length > 0 && (
        <>
          <p>Similar flags on this system:</p>
          <ul>
            {more.map((h) => (
              <Entry key={h.id} h={h} onMeToo={(id) => void meToo(id)} done={added.includes(h.id)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
