import type { Screen } from '../../shared/screen';

interface Props {
  screen: Screen | null;
  onRemove: () => void;
  onAdd: () => void;
}

/** The de-identified screen that goes with the item; the user can see it and take it off. */
export function ScreenChip({ screen, onRemove, onAdd }: Props) {
  if (!screen)
    return (
      <div class="chip-row">
        <span class="muted">No screen attached.</span>{' '}
        <button type="button" class="link" onClick={onAdd}>
          Attach this page’s address
        </button>
      </div>
    );
  return (
    <div class="chip-row">
      <span class="chip" title="Identifiers in the address are replaced by :id">
        Screen: <code>{`${screen.host}${screen.path}`}</code>
      </span>
      <button type="button" class="link" aria-label="Remove screen" onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}
