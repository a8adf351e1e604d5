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

/** A part of a view loaded on first use; nothing is shown until it arrives. */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyPart(props: P) {
    const [Part, setPart] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (!Part)
        void load().then((c) => {
          loaded = c;
          setPart(() => c);
        });
    }, [Part]);
    return Part ? <Part {...props} /> : null;
  };
}
