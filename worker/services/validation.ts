import { adminSegments, deidentifyUrl, ID_PLACEHOLDER, type ScreenWords, tryDeidentifyUrl } from '../../shared/context';
import type { Screen } from '../../shared/screen';
import { isActive } from '../db/catalog';
import { screenTemplatesForHost } from '../db/systems';
import type { Detector } from '../lib/detector';
import { ApiError } from '../lib/errors';

export const invalid = (path: string, message: string) =>
  new ApiError(400, 'validation_failed', message, [{ path: [path], message }]);

export async function requireActiveUnit(db: D1Database, unitId: string | undefined | null) {
  if (unitId && !(await isActive(db, 'units', unitId))) throw invalid('unitId', 'Unknown unit');
}

export async function requireActiveTopic(db: D1Database, topicId: string) {
  if (!(await isActive(db, 'topics', topicId))) throw invalid('topicId', 'Unknown topic');
}

/**
 * The browser de-identifies the screen before sending; the server runs the same function again
 * and refuses anything it would still change, so a modified or buggy client cannot store an id.
 * `words` are the segments admins used in that host's screens (`adminSegments`), allowed on both
 * sides alike; without them only the shared vocabulary counts.
 */
export async function requireDeidentifiedScreen(
  detector: Detector,
  screen: Screen | undefined,
  words?: ScreenWords,
): Promise<void> {
  if (!screen) return;
  let again: { host: string; path: string };
  try {
    again = deidentifyUrl(`https://${screen.host}${screen.path}`, words);
  } catch {
    throw new ApiError(422, 'identifiers_found', 'The screen is not a de-identified web address', {
      field: 'screen',
    });
  }
  if (again.host !== screen.host || again.path !== screen.path) {
    throw new ApiError(
      422,
      'identifiers_found',
      'The screen path still holds something that looks like an identifier',
      {
        field: 'screen',
        expected: again,
      },
    );
  }
  const parts = screenWords(screen);
  const found = parts.length > 0 ? await detector.find(parts) : [];
  const kinds = found.flatMap((spans) => spans.map((span) => span.kind));
  if (kinds.length > 0) {
    throw new ApiError(
      422,
      'identifiers_found',
      'The screen path still holds something that looks like an identifier',
      {
        field: 'screen',
        kinds,
      },
    );
  }
}

/** The words of a screen's path the detector reads (placeholders left out). Throws on a malformed escape. */
export function screenWords(screen: Pick<Screen, 'path'>): string[] {
  return screen.path
    .split(/[/?&=#]/)
    .filter((w) => w && w !== ID_PLACEHOLDER)
    .map((w) => decodeURIComponent(w));
}

/**
 * The screen words a request body's `screen` will have checked (`requireDeidentifiedScreen`), so the
 * detector can be asked about them together with the body's free text. None for a body without a
 * screen, or with one the de-identification would refuse before asking.
 */
export function screenWordsOf(body: unknown): string[] {
  const screen = (body as { screen?: unknown } | undefined)?.screen as Partial<Screen> | null | undefined;
  if (typeof screen?.host !== 'string' || typeof screen.path !== 'string') return [];
  try {
    return screenWords({ path: screen.path });
  } catch {
    return [];
  }
}

/**
 * `requireDeidentifiedScreen` with the words of the admins' screens for that host, as the
 * extension allows them from its catalog. The database is read only when the shared vocabulary
 * alone would change the path, so most writes cost no extra query.
 */
export async function requireDeidentifiedScreenIn(
  env: { DB: D1Database; DETECTOR: Detector },
  screen: Screen | null | undefined,
): Promise<void> {
  if (!screen) return;
  const plain = tryDeidentifyUrl(`https://${screen.host}${screen.path}`);
  const unchanged = plain?.host === screen.host && plain.path === screen.path;
  const words = unchanged ? undefined : adminSegments(await screenTemplatesForHost(env.DB, screen.host));
  await requireDeidentifiedScreen(env.DETECTOR, screen, words);
}
