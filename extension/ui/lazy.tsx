import type { ComponentChild, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A part of a page loaded on first use, so a surface's first render ships without it; `fallback`
 * (nothing by default) shows until it arrives. Once loaded, later mounts draw it at once.
 *
 * The popup keeps its own copy (popup/LazyView.tsx): shared with it, this module would become a chunk
 * of its own in the popup's first render, some 300 B gz of its 25 kB budget.
 */
export function lazyPart<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ComponentChild = null,
): ComponentType<P> {
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
    return Part ? <Part {...props} /> : fallback;
  };
}

/** A whole view loaded on first use, saying it is loading meanwhile. */
export function lazyView(load: () => Promise<ComponentType>): ComponentType {
  return lazyPart(load, <p aria-busy="true">Loading…</p>);
}
