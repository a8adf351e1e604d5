import { useSignal } from '@preact/signals';
import type { Screen } from '../../shared/screen';
import { pickedScreen, type System } from '../../shared/systems';

interface Props {
  systems: readonly System[];
  onPick: (screen: Screen) => void;
  onCancel: () => void;
}

/**
 * For an EHR running as a desktop client beside the browser: the clinician picks the system and
 * screen from the admins' list, since there is no tab address to read.
 */
export function SystemPicker({ systems, onPick, onCancel }: Props) {
  const systemId = useSignal(systems[0]?.id ?? '');
  const screenId = useSignal('');
  const system = systems.find((s) => s.id === systemId.value);
  const pick = () => {
    if (!system) return;
    onPick(pickedScreen(system, system.screens.find((s) => s.id === screenId.value) ?? null));
  };
  return (
    <fieldset class="picker">
      <legend>Which system and screen?</legend>
      <div class="field">
        <label for="pick-system">System</label>
        <select
          id="pick-system"
          value={systemId.value}
          onChange={(e) => {
            systemId.value = e.currentTarget.value;
            screenId.value = '';
          }}
        >
          {systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="pick-screen">Screen</label>
        <select id="pick-screen" value={screenId.value} onChange={(e) => (screenId.value = e.currentTarget.value)}>
          <option value="">Whole system / not listed</option>
          {system?.screens.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={pick}>
        Use this screen
      </button>{' '}
      <button type="button" class="link" onClick={onCancel}>
        Cancel
      </button>
    </fieldset>
  );
}
