import { Fragment } from 'preact';
import type { Highlighted } from '../../shared/kb';

/** Highlighted text from the API, as text nodes and <mark>: never parsed as markup. */
export function Segments({ segments }: { segments: Highlighted }) {
  return (
    <>{segments.map((s, i) => (s.match ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}</>
  );
}
