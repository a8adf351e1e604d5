import { z } from 'zod';
import { SCREEN_QUERY_KEYS } from './context-vocab';
import { Id } from './ids';
import { Screen } from './screen';

/**
 * Systems and screens: the admins' names for the places clinicians work, so a hotspot reads
 * "Epic › Med Rec" rather than a path, and a clinician on a desktop EHR client can pick the
 * screen from a list instead of a browser tab.
 */

const Name = z.string().trim().min(1).max(80);

const LABEL = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A host exactly as a de-identified screen carries it: lower case, optional port, no empty labels. */
export const SystemHost = Screen.shape.host.refine(
  (h) => (h.split(':')[0] ?? '').split('.').every((label) => LABEL.test(label)),
  'Expected a host name like ehr.example.org',
);

/**
 * Only keys the de-identifier keeps can name a screen; any other key never reaches the server,
 * so accepting it would promise the admin something that cannot happen.
 */
export const ScreenQueryKey = z
  .string()
  .refine(
    (k) => SCREEN_QUERY_KEYS.has(k),
    `Curbside keeps only these query keys: ${[...SCREEN_QUERY_KEYS].join(', ')}`,
  );
export const SCREEN_KEYS: readonly string[] = [...SCREEN_QUERY_KEYS];

/** A de-identified path (`/chart/:id/medrec?activity=medrec`); the server checks it is one. */
export const PathTemplate = Screen.shape.path;

export const SystemScreen = z.object({ id: Id, systemId: Id, pathTemplate: z.string(), name: z.string() });
export type SystemScreen = z.infer<typeof SystemScreen>;

export const System = z.object({
  id: Id,
  host: z.string(),
  name: z.string(),
  screenQueryKeys: z.array(z.string()),
  active: z.boolean(),
  screens: z.array(SystemScreen),
});
export type System = z.infer<typeof System>;

export const SystemList = z.object({ systems: z.array(System) });
export type SystemList = z.infer<typeof SystemList>;

export const SystemCreate = z
  .object({
    host: SystemHost,
    name: Name,
    screenQueryKeys: z.array(ScreenQueryKey).max(6).default([]),
  })
  .strict();
export type SystemCreate = z.input<typeof SystemCreate>;

export const SystemPatch = z
  .object({
    host: SystemHost.optional(),
    name: Name.optional(),
    screenQueryKeys: z.array(ScreenQueryKey).max(6).optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type SystemPatch = z.infer<typeof SystemPatch>;

export const ScreenCreate = z.object({ pathTemplate: PathTemplate, name: Name }).strict();
export type ScreenCreate = z.infer<typeof ScreenCreate>;

export const ScreenPatch = z.object({ pathTemplate: PathTemplate.optional(), name: Name.optional() }).strict();
export type ScreenPatch = z.infer<typeof ScreenPatch>;

/** `/a?tab=x#/b/c` → segments a, #, b, c (an SPA route continues the path) and the query. */
function splitPath(path: string): { segments: string[]; query: URLSearchParams } {
  const [beforeRoute = '', route] = path.split('#', 2);
  const [pathname = '', search = ''] = beforeRoute.split('?', 2);
  const routeSegments = route === undefined ? [] : ['#', ...route.split('/').filter(Boolean)];
  return { segments: [...pathname.split('/').filter(Boolean), ...routeSegments], query: new URLSearchParams(search) };
}

/** Whether a template's segments start `path`'s; a template `:id` stands for any segment. */
function segmentsMatch(template: string[], path: string[]): boolean {
  return template.length <= path.length && template.every((t, i) => t === ':id' || t === path[i]);
}

/** A template's query pairs must all be in the path's, counting only the system's screen keys. */
function queryMatches(template: URLSearchParams, path: URLSearchParams, keys: readonly string[]): boolean {
  for (const [key, value] of template) if (keys.includes(key) && path.get(key) !== value) return false;
  return true;
}

/**
 * The admins' name for a screen: the system whose host it is, and its screen whose template
 * matches the path most specifically (exact over prefix, longer over shorter). `null` when the
 * host is no known system; the system's name alone when no template matches.
 */
export function nameScreen(
  systems: readonly System[],
  screen: Screen,
): { system: System; screen: SystemScreen | null; label: string } | null {
  const system = systems.find((s) => s.active && s.host === screen.host);
  if (!system) return null;
  const path = splitPath(screen.path);
  let best: { screen: SystemScreen; score: number } | null = null;
  for (const candidate of system.screens) {
    const t = splitPath(candidate.pathTemplate);
    if (!segmentsMatch(t.segments, path.segments) || !queryMatches(t.query, path.query, system.screenQueryKeys))
      continue;
    const exact = t.segments.length === path.segments.length;
    const score = t.segments.length * 2 + (exact ? 1 : 0) + [...t.query.keys()].length;
    if (!best || score > best.score) best = { screen: candidate, score };
  }
  const label = best ? `${system.name} › ${best.screen.name}` : system.name;
  return { system, screen: best?.screen ?? null, label };
}

/** The screen a clinician picks from the list (a desktop client has no tab address to read). */
export function pickedScreen(system: System, screen: SystemScreen | null): Screen {
  return { host: system.host, path: screen?.pathTemplate ?? '/' };
}
