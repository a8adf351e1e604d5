import { useSignal } from '@preact/signals';
import { useContext } from 'preact/hooks';
import type { Screen } from '../../shared/screen';
import { nameScreen } from '../../shared/systems';
import { SystemPicker } from './SystemPicker';
import { PopupContext } from './state';

interface Props {
  screen: Screen | null;
  onRemove: () => void;
  onAdd: () => void;
  /** Offers the admins' list of systems and screens (desktop EHR clients have no tab address). */
  onPick?: (screen: Screen) => void;
}

/** The de-identified screen that goes with the item; the user can see it and take it off. */
export function ScreenChip({ screen, onRemove, onAdd, onPick }: Props) {
  const systems = useContext(PopupContext)?.systems.value ?? [];
  const picking = useSignal(false);
  const named = screen ? nameScreen(systems, screen) : null;
  // Not a page of a known system (or none at all): offer the admins' list instead.
  const pickLink = onPick && systems.length > 0 && !named && (
    <button type="button" class="link" onClick={() => (picking.value = true)}>
      Pick a system and screen
    </button>
  );
  if (picking.value && onPick)
    return (
      <SystemPicker
        systems={systems}
        onPick={(picked) => {
          picking.value = false;
          onPick(picked);
        }}
        onCancel={() => (picking.value = false)}
      />
    );
  if (!screen)
    return (
      <div class="chip-row">
        <span class="muted">No screen attached.</span>{' '}
        <button type="button" class="link" onClick={onAdd}>
          Attach this page’s address
        </button>{' '}
        {pickLink}
      </div>
    );
  return (
    <div class="chip-row">
      <span class="chip" title="Identifiers in the address are replaced by :id">
        Screen: {named && <strong>{named.label} </strong>}
        <code>{`${screen.host}${screen.path}`}</code>
      </span>
      <button type="button" class="link" aria-label="Remove screen" onClick={onRemove}>
        Remove
      </button>{' '}
      {pickLink}
    </div>
  );
}
