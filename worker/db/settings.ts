import { DEFAULT_SETTINGS, Settings, type SettingsPatch } from '../../shared/settings';
import { bindingOf } from './d1-session';

// Settings are read on most requests and change rarely; each isolate keeps them briefly.
const CACHE_MS = 10_000;
let cache: { at: number; db: D1Database; value: Settings } | undefined;

export async function getSettings(db: D1Database): Promise<Settings> {
  if (cache && cache.db === bindingOf(db) && Date.now() - cache.at < CACHE_MS) return cache.value;
  const row = await db.prepare("SELECT value FROM settings WHERE key = 'org'").first<{ value: string }>();
  const stored = row ? (JSON.parse(row.value) as Partial<Settings>) : {};
  const value = Settings.parse({ ...DEFAULT_SETTINGS, ...stored });
  cache = { at: Date.now(), db: bindingOf(db), value };
  return value;
}

export async function updateSettings(db: D1Database, patch: SettingsPatch): Promise<Settings> {
  const next = Settings.parse({ ...(await getSettings(db)), ...patch });
  await db
    .prepare(
      "INSERT INTO settings (key, value) VALUES ('org', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    )
    .bind(JSON.stringify(next))
    .run();
  cache = undefined;
  return next;
}

export function clearSettingsCache(): void {
  cache = undefined;
}
