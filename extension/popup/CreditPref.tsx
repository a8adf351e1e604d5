import { useEffect, useState } from 'preact/hooks';
import { usePopup } from './state';

/**
 * "Credit me": a reporter's opt-in to be counted on "you said, we did" ("Raised by 6 nurses on 4 West…"),
 * only ever in groups of at least k people, never by name, never for anonymous flags. Off until turned on.
 */
export function CreditPref() {
  const app = usePopup();
  const [on, setOn] = useState<boolean | null>(null);
  useEffect(() => {
    void app.creditPreference().then(setOn);
  }, []);
  if (on === null) return null;
  return (
    <label class="checkbox">
      <input
        type="checkbox"
        checked={on}
        disabled={app.busy.value}
        onChange={async (e) => {
          const next = e.currentTarget.checked;
          if (await app.setCreditMe(next)) setOn(next);
          else e.currentTarget.checked = on;
        }}
      />{' '}
      Credit me on what changed, counted with colleagues of my discipline and unit (only in groups large enough that
      nobody is singled out; never my name, never anonymous flags)
    </label>
  );
}
