import { useEffect, useState } from 'preact/hooks';
import type { ScreenTip } from '../../shared/kb';
import type { Screen } from '../../shared/screen';
import { CheckedTextField } from '../ui/CheckedTextField';
import { SendAnyway } from '../ui/SendAnyway';
import { useIdentifierGate } from '../ui/useIdentifierGate';
import { usePopup } from './state';

const TIP_MAX = 500;

/**
 * For mentors: a short tip for the screen the popup was opened on (colleagues see it under "Others
 * asked this here"), and the tips they wrote here, each removable. Checked for identifiers first.
 */
export function TipEditor() {
  const app = usePopup();
  const [screen, setScreen] = useState<Screen | null | undefined>(undefined);
  const [mine, setMine] = useState<ScreenTip[]>([]);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const gate = useIdentifierGate(
    (confirmed) => void add(confirmed),
    ([redacted = '']) => setText(redacted),
  );

  async function refresh(s: Screen) {
    setMine(await app.myTips(s).catch(() => []));
  }

  useEffect(() => {
    void app.currentScreen().then((s) => {
      setScreen(s);
      if (s) void refresh(s);
    });
  }, []);

  async function add(confirmed?: Parameters<typeof app.addTip>[3]) {
    if (!screen) return;
    if (!(await app.addTip(clientId, screen, text, confirmed))) return;
    setText('');
    setClientId(crypto.randomUUID());
    setOpen(false);
    await refresh(screen);
  }

  async function remove(id: string) {
    if (screen && (await app.removeTip(screen, id))) await refresh(screen);
  }

  // Tips belong to a screen of a system: on any other page there is nothing to attach one to.
  if (!screen) return null;
  return (
    <section class="tips-editor" aria-labelledby="tips-editor-heading">
      <h2 id="tips-editor-heading">Your tips for this screen</h2>
      {mine.length > 0 && (
        <ul class="kb-list">
          {mine.map((t) => (
            <li key={t.id}>
              <p class="kb-tip">{t.text}</p>
              <button
                type="button"
                class="link"
                disabled={app.busy.value}
                aria-label={`Remove tip: ${t.text}`}
                onClick={() => void remove(t.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {open ? (
        <form
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!text.trim() || text.length > TIP_MAX) return;
            await app.ensureDetector();
            gate.check(app.detector.value, [text]);
          }}
        >
          <CheckedTextField
            id="tip-text"
            label="Tip"
            value={text}
            onInput={(v) => {
              gate.cancel();
              setText(v);
            }}
            maxLength={TIP_MAX}
            detector={app.detector.value}
            rows={3}
            hint="Colleagues opening this screen see it, without your name. No patient details."
          />
          {gate.pending ? (
            <SendAnyway gate={gate} />
          ) : (
            <div class="row">
              <button type="submit" class="primary" disabled={app.busy.value || !text.trim()}>
                {app.busy.value ? 'Adding…' : 'Add tip'}
              </button>
              <button type="button" onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          )}
        </form>
      ) : (
        <button type="button" class="link" onClick={() => setOpen(true)}>
          Write a tip for this screen
        </button>
      )}
    </section>
  );
}
