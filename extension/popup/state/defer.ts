/**
 * Actions whose code arrives with the services chunk, after the popup's first render: each name
 * is a small stub that loads the real action on first use. `names` lists every action (checked).
 */
export function deferActions<T extends object>(load: () => Promise<T>, names: { [K in keyof T]: true }): T {
  let actions: Promise<T> | null = null;
  const stubs: Record<string, unknown> = {};
  for (const name of Object.keys(names))
    stubs[name] = (...args: unknown[]) =>
      // biome-ignore lint/suspicious/noAssignInExpressions: load once, on first use
      (actions ??= load()).then((a) => (a[name as keyof T] as (...x: unknown[]) => unknown)(...args));
  return stubs as T;
}
