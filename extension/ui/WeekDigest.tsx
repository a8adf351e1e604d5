import { useEffect, useState } from 'preact/hooks';
import type { Digest } from '../../shared/digests';
import { FLAG_STATUS_LABELS } from '../../shared/flags';
import { errorMessage } from '../lib/errors';

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

function Body({ digest }: { digest: Digest }) {
  if (digest.role === 'clinician') {
    if (digest.changes.length === 0)
      return <p class="muted">Nothing changed on the screens you flagged this week. Leads’ replies show here.</p>;
    return (
      <ul>
        {digest.changes.map((c) => (
          <li key={c.hotspotId}>
            {c.label}: <strong>{FLAG_STATUS_LABELS[c.status]}</strong>
            {c.response && <span> · “{c.response}”</span>}
          </li>
        ))}
      </ul>
    );
  }
  if (digest.role === 'mentor')
    return (
      <p>
        {digest.openQuestions} waiting for you ({digest.urgentOpen} urgent) · {digest.answered} answered ·{' '}
        {digest.thanks} marked “This helped” · {digest.answersRead} reads of published answers
      </p>
    );
  return (
    <>
      <p>
        {digest.loopsClosed} loop(s) closed · {digest.cyclesDue} PDSA cycle(s) due a next step
      </p>
      {digest.topHotspots.length === 0 ? (
        <p class="muted">No hotspot has been flagged by enough people to name yet.</p>
      ) : (
        <ol>
          {digest.topHotspots.map((h) => (
            <li key={h.id}>
              {h.label}: {h.minutesPerWeek} reported minutes lost per week, {h.flags} flag(s),{' '}
              {FLAG_STATUS_LABELS[h.status]}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * "This week" for one role: what the weekly message to chat or e-mail would say, read in the extension.
 * Collapsed by default so it never pushes a surface's own work down.
 */
export function WeekDigest({ load }: { load: () => Promise<Digest> }) {
  const [digest, setDigest] = useState<Digest | null>(null);
  const [error, setError] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open || digest) return;
    let live = true;
    setError('');
    load()
      .then((d) => live && setDigest(d))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [open]);
  return (
    <details class="digest" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>This week{digest ? ` (${day(digest.from)} – ${day(digest.to)})` : ''}</summary>
      {error && <p role="alert">Could not load this week’s digest: {error}</p>}
      {!digest && !error && <p aria-busy="true">Loading…</p>}
      {digest && <Body digest={digest} />}
    </details>
  );
}
