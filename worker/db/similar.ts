import type { PublicHotspotWords } from '../../shared/similarity';

/**
 * Candidates for "similar flags": root hotspots on one system that at least `k` distinct named
 * reporters other than the caller flagged, with only what is public about them (title, screen path,
 * the admins' name for the screen). Anonymous flags never make k (their reporter key is not a user's),
 * the caller's own flags never help, and no flag text is read. Rows read grow with the system's
 * hotspots and their reporter cells, not with its flags.
 */
export async function publicRootsMeetingK(
  db: D1Database,
  q: { host: string; k: number; viewerKey: string },
): Promise<PublicHotspotWords[]> {
  const { results } = await db
    .prepare(
      `SELECT r.id, r.title, r.path, s.name AS screen_name
       FROM hotspots r
         LEFT JOIN systems sy ON sy.host = r.host
         LEFT JOIN system_screens s ON s.system_id = sy.id AND s.path_template = r.path
       WHERE r.host = ?1 AND r.merged_into IS NULL AND r.flag_count > 0
         AND (SELECT COUNT(DISTINCT u.reporter_key) FROM hotspots l JOIN unit_reporters u ON u.hotspot_id = l.id
              WHERE l.root_id = r.id AND substr(u.reporter_key, 1, 2) = 'u:' AND u.reporter_key <> ?3) >= ?2`,
    )
    .bind(q.host, q.k, q.viewerKey)
    .all<{ id: string; title: string | null; path: string | null; screen_name: string | null }>();
  return results.map((r) => ({ id: r.id, title: r.title, path: r.path, screenName: r.screen_name }));
}
