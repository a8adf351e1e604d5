import { useState } from 'preact/hooks';
import type { HotspotDetail } from '../../shared/hotspots';
import type { ConfirmedSpan } from '../../shared/text';
import type { Detector } from '../lib/phi';
import { TextAction } from '../ui/TextAction';

interface Props {
  hotspot: HotspotDetail;
  /** The name shown now: the title, or the screen's name when there is none. */
  name: string;
  detector: Detector | null;
  busy: boolean;
  onSave: (title: string, confirmedSpans?: ConfirmedSpan[]) => Promise<boolean>;
}

/**
 * The hotspot's heading, and a human title a lead can give it (reporters see it too, so it is
 * checked for identifiers like any free text). An empty title gives the screen's name back.
 */
export function HotspotTitle({ hotspot, name, detector, busy, onSave }: Props) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(hotspot.title ?? '');

  async function save(text: string, confirmedSpans?: ConfirmedSpan[]) {
    if (await onSave(text, confirmedSpans)) setEditing(false);
  }

  return (
    <>
      <h2 id="hotspot-title" tabIndex={-1}>
        {name}
      </h2>
      {editing ? (
        <div class="title-editor">
          <TextAction
            id="hotspot-title-text"
            label="Title (reporters see it too)"
            submitLabel={busy ? 'Saving…' : 'Save title'}
            value={title}
            maxLength={120}
            detector={detector}
            disabled={busy}
            onInput={setTitle}
            onSend={(text, spans) => void save(text, spans)}
          />
          <div class="row">
            {hotspot.title && (
              <button type="button" disabled={busy} onClick={() => void save('')}>
                Use the screen’s name
              </button>
            )}
            <button type="button" disabled={busy} onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        // A div, not a paragraph: the status line stays the view's first paragraph.
        <div class="title-edit">
          <button
            type="button"
            class="link"
            onClick={() => {
              setTitle(hotspot.title ?? '');
              setEditing(true);
            }}
          >
            {hotspot.title ? 'Edit title' : 'Give it a title'}
          </button>
        </div>
      )}
    </>
  );
}
