import { weekOf, weekStart } from '../../shared/cost';
import { type DigestRole, UrgentAlert } from '../../shared/digests';
import { channelsAwaitingDigest, urgentChannels } from '../db/channels';
import { alertFacts } from '../db/digests';
import { getSettings } from '../db/settings';
import type { Env } from '../env';
import { toIso } from '../lib/clock';
import { anyIdentifiers } from '../lib/detector';
import { digestSettings } from './channels';
import { deliverIds, enqueue } from './deliveries';
import { leadDigest, mentorDigest } from './digests';

/**
 * What goes to channels: each week's digests (the week that ended last Monday 00:00 UTC, one per
 * channel and role however often the job runs) and an alert per urgent question.
 */

/** Digests reach channels for the roles whose figures are shared: leads and mentors (clinicians' are personal). */
const CHANNEL_ROLES = ['lead', 'mentor'] as const satisfies readonly DigestRole[];

/** Where a message's button leads: the API's go-page, which opens the item in the extension where the browser allows it (lib/go-page.ts). */
export const goLink = (base: string | null, target: string) =>
  base ? `${base.replace(/\/$/, '')}/go/${target}` : null;

export async function enqueueWeeklyDigests(env: Env, at: number): Promise<string[]> {
  const db = env.DB;
  const end = weekStart(weekOf(at));
  const ids: string[] = [];
  for (const role of CHANNEL_ROLES) {
    const key = `digest:${role}:${toIso(end).slice(0, 10)}`;
    const channels = await channelsAwaitingDigest(db, role, key);
    if (channels.length === 0) continue;
    const [settings, digestSet] = await Promise.all([getSettings(db), digestSettings(db)]);
    const ctx = { db, settings, at: end, freeText: digestSet.freeText };
    const digest = role === 'lead' ? await leadDigest(ctx, null) : await mentorDigest(ctx, null);
    const message = {
      kind: 'digest' as const,
      organisation: settings.organisationName,
      link: goLink(digestSet.linkBase, role === 'lead' ? 'dashboard' : 'inbox'),
      digest,
    };
    ids.push(
      ...(await enqueue(
        db,
        channels.map((channel) => ({ channel, kind: 'digest', dedupeKey: key, message })),
        at,
      )),
    );
  }
  return ids;
}

/** Enqueues and sends the alert for one urgent question; a second call for the same question sends nothing. */
export async function alertUrgentQuestion(env: Env, questionId: string, at: number): Promise<number> {
  const db = env.DB;
  const channels = await urgentChannels(db);
  if (channels.length === 0) return 0;
  const q = await alertFacts(db, questionId);
  if (q?.kind !== 'question' || q.urgency !== 'today') return 0;
  const [settings, digestSet] = await Promise.all([getSettings(db), digestSettings(db)]);
  const alert = UrgentAlert.parse({
    questionId: q.id,
    topic: q.topic,
    discipline: q.discipline_wanted,
    urgency: q.urgency,
    // Even where free text may go, a text the asker sent with a confirmed identifier stays home.
    text: digestSet.freeText && !(await anyIdentifiers(env.DETECTOR, [q.text])) ? q.text : null,
    at: toIso(q.created_at),
  });
  const message = {
    kind: 'urgent' as const,
    organisation: settings.organisationName,
    link: goLink(digestSet.linkBase, `question/${q.id}`),
    alert,
  };
  const ids = await enqueue(
    db,
    channels.map((channel) => ({ channel, kind: 'urgent', dedupeKey: `urgent:${q.id}`, message })),
    at,
  );
  return deliverIds(env, ids);
}
