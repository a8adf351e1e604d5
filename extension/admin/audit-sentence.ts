import type { AuditEntry } from '../../shared/audit';

type Say = (who: string, about: string | null) => string;

const forWhom = (about: string | null) => (about ? ` for ${about}` : '');

/**
 * Each action as a sentence an admin can read aloud ("Ada Admin deactivated Sam Nurse"). Actions not
 * listed (new ones, or ones from other parts) still read as words through `fallback`, never as a code.
 */
const SENTENCES: Record<string, { label: string; say: Say }> = {
  'code.created': { label: 'Sign-in code created', say: (w, a) => `${w} created a sign-in code${forWhom(a)}` },
  'code.revoked': { label: 'Sign-in code revoked', say: (w, a) => `${w} revoked a sign-in code${forWhom(a)}` },
  'user.enrolled': { label: 'Person enrolled', say: (w) => `${w} enrolled with a code` },
  'user.enrolled_with_sso': { label: 'Person enrolled by SSO', say: (w) => `${w} enrolled through single sign-on` },
  'user.signed_in_with_code': {
    label: 'Signed in with a code',
    say: (w, a) => (a && a !== w ? `${a} signed in with a code ${w} issued` : `${w} signed in with a code`),
  },
  'user.signed_in_with_device_code': {
    label: 'Signed in on another device',
    say: (w, a) => `${a ?? w} signed in on another device`,
  },
  'user.signed_in_with_sso': { label: 'Signed in by SSO', say: (w) => `${w} signed in through single sign-on` },
  'user.logged_out_everywhere': {
    label: 'Signed out everywhere',
    say: (w, a) => `${w} signed ${a && a !== w ? a : 'themself'} out everywhere`,
  },
  'user.updated': { label: 'Person updated', say: (w, a) => `${w} changed ${a ?? 'a person'}’s roles or unit` },
  'user.deactivated': { label: 'Person deactivated', say: (w, a) => `${w} deactivated ${a ?? 'a person'}` },
  'units.created': { label: 'Unit added', say: (w) => `${w} added a unit` },
  'units.updated': { label: 'Unit changed', say: (w) => `${w} changed a unit` },
  'topics.created': { label: 'Topic added', say: (w) => `${w} added a topic` },
  'topics.updated': { label: 'Topic changed', say: (w) => `${w} changed a topic` },
  'settings.updated': { label: 'Settings changed', say: (w) => `${w} changed the organisation’s settings` },
  'channel.created': { label: 'Digest channel added', say: (w) => `${w} added a digest channel` },
  'channel.updated': { label: 'Digest channel changed', say: (w) => `${w} changed a digest channel` },
  'system.created': { label: 'System added', say: (w) => `${w} added a system` },
  'system.updated': { label: 'System changed', say: (w) => `${w} changed a system` },
  'screen.created': { label: 'Screen named', say: (w) => `${w} named a screen` },
  'screen.updated': { label: 'Screen renamed', say: (w) => `${w} renamed a screen` },
  'screen.deleted': { label: 'Screen removed', say: (w) => `${w} removed a screen` },
  'hotspot.status_changed': { label: 'Hotspot status', say: (w) => `${w} moved a hotspot’s status` },
  'hotspot.response_changed': { label: 'Hotspot response', say: (w) => `${w} published a response to reporters` },
  'hotspot.merged': { label: 'Hotspots merged', say: (w) => `${w} merged two hotspots` },
  'hotspot.unmerged': { label: 'Hotspot merge undone', say: (w) => `${w} undid a hotspot merge` },
  'questions.escalated': {
    label: 'Questions moved to the fallback route',
    say: () => 'Questions nobody claimed in time moved to the fallback route',
  },
  'pdsa.created': { label: 'Cycle started', say: (w) => `${w} started a PDSA cycle` },
  'pdsa.advanced': { label: 'Cycle moved on', say: (w) => `${w} moved a PDSA cycle to its next stage` },
  'peer_supporter.granted': {
    label: 'Peer supporter added',
    say: (w, a) => `${w} made ${a ?? 'someone'} a peer supporter`,
  },
  'peer_supporter.removed': {
    label: 'Peer supporter removed',
    say: (w, a) => `${w} removed ${a ?? 'someone'} as a peer supporter`,
  },
  'identifiers.confirmed_not_identifying': {
    label: 'Highlighted text sent',
    say: (w) => `${w} sent text the identifier check had highlighted, saying it identifies nobody`,
  },
  'sso.provider_saved': { label: 'SSO provider saved', say: (w) => `${w} saved a single sign-on provider` },
  'sso.provider_deleted': { label: 'SSO provider removed', say: (w) => `${w} removed a single sign-on provider` },
  'sso.settings_changed': { label: 'SSO settings changed', say: (w) => `${w} changed single sign-on settings` },
  'sso.break_glass_code': { label: 'Break-glass code', say: (w, a) => `${w} used a break-glass code${forWhom(a)}` },
  'sso.sign_in_refused': { label: 'SSO sign-in refused', say: () => 'A single sign-on attempt was refused' },
  'sso.code_refused': {
    label: 'Code refused (SSO required)',
    say: () => 'A code sign-in was refused: single sign-on is required',
  },
};

const AREAS: Record<string, string> = { scim: 'Directory sync (SCIM)', sso: 'Single sign-on', user: 'Account' };

/** "scim.user_deactivated" → "Directory sync (SCIM): user deactivated". */
function fallback(action: string): string {
  const [area = '', ...rest] = action.split('.');
  const words = rest.join(' ').replaceAll('_', ' ');
  return `${AREAS[area] ?? area.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase())}: ${words}`;
}

/** The action list for the filter, labelled in words. */
export const AUDIT_ACTION_LABELS: ReadonlyArray<readonly [string, string]> = Object.entries(SENTENCES).map(
  ([action, { label }]) => [action, label] as const,
);

export function auditSentence(e: Pick<AuditEntry, 'action' | 'actorId' | 'actorName' | 'subjectName'>): string {
  // No actor: the directory or the system acted; an actor without a name is someone since removed.
  const who = e.actorName ?? (e.actorId ? 'A former user' : 'The system');
  const known = SENTENCES[e.action];
  if (known) return known.say(who, e.subjectName);
  const about = e.subjectName && e.subjectName !== e.actorName ? ` (about ${e.subjectName})` : '';
  return `${e.actorId || e.actorName ? `${who} · ` : ''}${fallback(e.action)}${about}`;
}

/** Details as "key: value" with camelCase keys in words. */
export function auditDetails(details: Record<string, unknown>): string {
  const show = (v: unknown): string =>
    Array.isArray(v) ? v.map(show).join(', ') : v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
  return Object.entries(details)
    .map(([k, v]) => `${k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}: ${show(v)}`)
    .join('; ');
}
