import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A view loaded on first use, so the popup's first render ships without zod and the forms. */
export function lazyView(load: () => Promise<ComponentType>): ComponentType {
  let loaded: ComponentType | null = null;
  return function LazyView() {
    const [View, setView] = useState<ComponentType | null>(() => loaded);
    useEffect(() => {
      if (!View)
        void load().then((c) => {
          loaded = c;
          setView(() => c);
        });
    }, [View]);
    return View ? <View /> : <p aria-busy="true">Loading…</p>;
  };
}
