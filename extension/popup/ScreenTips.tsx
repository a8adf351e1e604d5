import { useEffect, useState } from 'preact/hooks';
import type { ScreenTip } from '../../shared/kb';
import type { Screen } from '../../shared/screen';
import { KbAnswer } from './KbAnswer';
import { usePopup } from './state';
import { TipEditor } from './TipEditor';

/** On Home: the tips for this screen, and for mentors the editor of their own (both after the first render). */
export function HomeTips() {
  const app = usePopup();
  return (
    <>
      <ScreenTips />
      {app.session.value?.user.roles.includes('mentor') && <TipEditor />}
    </>
  );
}

/**
 * "Others asked this here": published answers and mentors' tips for the screen the popup was
 * opened on, before anything is typed. Without `screen`, the active tab's screen is captured.
 */
export function ScreenTips({ screen }: { screen?: Screen | null }) {
  const app = usePopup();
  const [tips, setTips] = useState<ScreenTip[]>([]);

  useEffect(() => {
    setTips([]);
    if (screen === null) return;
    let live = true;
    (screen ? Promise.resolve(screen) : app.currentScreen())
      .then((s) => (s ? app.screenTips(s) : []))
      .then((found) => live && setTips(found))
      // Offline, signed out or an older API: the popup works without them.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [screen?.host, screen?.path]);

  if (tips.length === 0) return null;
  return (
    <section class="kb" aria-labelledby="screen-tips-heading">
      <h2 id="screen-tips-heading">Others asked this here</h2>
      <ul class="kb-list">
        {tips.map((t) => (
          <li key={t.id}>
            {t.kind === 'answer' ? (
              <KbAnswer id={t.id} title={t.title ?? 'A published answer'} />
            ) : (
              <p class="kb-tip">
                <strong>Tip:</strong> {t.text}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
