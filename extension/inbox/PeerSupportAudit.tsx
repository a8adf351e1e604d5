import { useState } from 'preact/hooks';
import type { PeerAudit } from '../../shared/mentoring';
import { useInbox } from './state';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

type Entry = PeerAudit['entries'][number];

/** One change, as a sentence with names. */
export function describePeerChange(e: Entry): string {
  const by = e.byName ?? 'Single sign-on or an admin tool';
  return e.change === 'granted'
    ? `${by} made ${e.userName} a peer supporter`
    : `${by} removed ${e.userName} from peer support`;
}

/**
 * For peer supporters: who has been given, or lost, the role that reads "need to talk" requests,
 * and by whom. Fetched on request (it is rarely needed).
 */
export function PeerSupportAudit() {
  const inbox = useInbox();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [loading, setLoading] = useState(false);

  async function show() {
    setLoading(true);
    try {
      setEntries(await inbox.peerAudit());
    } finally {
      setLoading(false);
    }
  }

  return (
    <section class="peer-audit" aria-labelledby="peer-audit-heading">
      <h2 id="peer-audit-heading">Who is a peer supporter</h2>
      {entries === null ? (
        <button type="button" disabled={loading} onClick={() => void show()}>
          {loading ? 'Loading…' : 'Show every change to the peer supporter role'}
        </button>
      ) : entries.length === 0 ? (
        <p>No one has been given or lost the peer supporter role yet.</p>
      ) : (
        <ul class="items">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`} class="item">
              <time dateTime={e.at}>{dateTime.format(new Date(e.at))}</time>: {describePeerChange(e)}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
