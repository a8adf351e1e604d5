import {
  type ClinicianDigest,
  CYCLE_DUE_DAYS,
  DIGEST_TOP_HOTSPOTS,
  type DigestRole,
  type LeadDigest,
  type MentorDigest,
} from '../../shared/digests';
import { CATEGORY_LABELS, type Category } from '../../shared/enums';
import { meetsK, reporterKey } from '../../shared/kanon';
import type { Settings } from '../../shared/settings';
import { claimCutoff } from '../db/claims';
import { changesOnFlagsOf, leadCounts, mentorCounts, rankedRoots, screenNames, teamOpenQuestions } from '../db/digests';
import { DAY, toIso } from '../lib/clock';
import { queueSummary } from './queue';

/**
 * The weekly digest of each role, for one reader (in the extension) or for nobody in particular (a
 * channel, `readerId` null). A hotspot is named only with k distinct named reporters other than the
 * reader, the rule of shared/kanon.ts: anonymous flags add to its counts but never make k. Labels are
 * a screen's name and a category; free text (a lead's title) only when the organisation allows it.
 */

export const DIGEST_WINDOW = 7 * DAY;

export interface DigestContext {
  db: D1Database;
  settings: Settings;
  /** End of the window (exclusive). */
  at: number;
  freeText: boolean;
}

interface Labelled {
  host: string | null;
  path: string | null;
  category: Category;
  title: string | null;
}

async function labeller(db: D1Database, rows: Labelled[], freeText: boolean) {
  const hosts = [...new Set(rows.map((r) => r.host).filter((h): h is string => h !== null))];
  const names = await screenNames(db, hosts);
  return (r: Labelled): string => {
    if (freeText && r.title) return r.title;
    const category = CATEGORY_LABELS[r.category];
    if (!r.host) return category;
    const screen = names.find((n) => n.host === r.host && n.path_template === r.path);
    const system = names.find((n) => n.host === r.host);
    const where = screen
      ? `${screen.system_name} › ${screen.screen_name}`
      : system
        ? `${system.system_name} ${r.path ?? ''}`
        : `${r.host}${r.path ?? ''}`;
    return `${category} · ${where}`;
  };
}

const window = (at: number) => ({ from: toIso(at - DIGEST_WINDOW), to: toIso(at) });

export async function leadDigest(ctx: DigestContext, readerId: string | null): Promise<LeadDigest> {
  const { db, settings, at } = ctx;
  const viewerKey = readerId === null ? null : reporterKey(readerId);
  // Ranked first, then cut to those that may be named: a hidden hotspot never shows as a gap.
  const [roots, counts] = await Promise.all([
    rankedRoots(db, viewerKey, 50),
    leadCounts(db, at - DIGEST_WINDOW, at, at - CYCLE_DUE_DAYS * DAY),
  ]);
  const named = roots.filter((r) => meetsK(r.named, settings.kAnonymity)).slice(0, DIGEST_TOP_HOTSPOTS);
  const label = await labeller(db, named, ctx.freeText);
  return {
    role: 'lead',
    ...window(at),
    topHotspots: named.map((r) => ({
      id: r.id,
      label: label(r),
      flags: r.flag_count,
      minutesPerWeek: r.minutes_week,
      status: r.status,
    })),
    ...counts,
  };
}

export async function mentorDigest(ctx: DigestContext, readerId: string | null): Promise<MentorDigest> {
  const { db, settings, at } = ctx;
  const [open, counts] = await Promise.all([
    readerId === null
      ? teamOpenQuestions(db, claimCutoff(at, settings.claimExpiryMinutes))
      : queueSummary(db, { userId: readerId, isMentor: true, isPeer: false, now: at, settings }, false).then((s) => ({
          open: s.unclaimed,
          urgent: s.urgent.filter((u) => u.kind === 'question').length,
        })),
    mentorCounts(db, readerId, at - DIGEST_WINDOW, at),
  ]);
  return { role: 'mentor', ...window(at), openQuestions: open.open, urgentOpen: open.urgent, ...counts };
}

/** A reader's own flags only: what they were told on screens they flagged by name. */
export async function clinicianDigest(ctx: DigestContext, readerId: string): Promise<ClinicianDigest> {
  const { db, at } = ctx;
  const rows = await changesOnFlagsOf(db, readerId, at - DIGEST_WINDOW, at);
  // The reader's own view: the lead's title and public response are already shown to them in My items.
  const label = await labeller(db, rows, true);
  return {
    role: 'clinician',
    ...window(at),
    changes: rows.map((r) => ({
      hotspotId: r.id,
      label: label(r),
      status: r.status,
      response: r.response,
      at: toIso(r.changed_at),
    })),
  };
}

export function digestFor(ctx: DigestContext, role: DigestRole, readerId: string) {
  if (role === 'lead') return leadDigest(ctx, readerId);
  if (role === 'mentor') return mentorDigest(ctx, readerId);
  return clinicianDigest(ctx, readerId);
}
