import {
  type Channel,
  type ChannelCreate,
  DEFAULT_DIGEST_SETTINGS,
  type Delivery,
  type DigestSettings,
} from '../../shared/digests';
import { type ChannelRow, getDigestSettings, listDeliveries } from '../db/channels';
import { toIso } from '../lib/clock';
import { isAllowedUrl } from '../messages/addresses';
import type { ChannelSecret } from '../messages/types';
import { invalid } from './validation';

export { isAllowedUrl } from '../messages/addresses';
export type { ChannelSecret } from '../messages/types';

export function secretOf(body: ChannelCreate, production: boolean): ChannelSecret {
  const urls = body.kind === 'email' ? (body.apiUrl ? [body.apiUrl] : []) : [body.webhookUrl];
  for (const url of urls) {
    if (!isAllowedUrl(url, production)) {
      throw invalid(body.kind === 'email' ? 'apiUrl' : 'webhookUrl', 'Must be an https address');
    }
  }
  if (body.kind === 'email') {
    return { kind: 'email', to: body.to, from: body.from, via: body.via, apiUrl: body.apiUrl, apiKey: body.apiKey };
  }
  return body.kind === 'teams' ? { kind: 'teams', url: body.webhookUrl } : { kind: 'slack', url: body.webhookUrl };
}

export const readSecret = (row: ChannelRow) => JSON.parse(row.secret) as ChannelSecret;

/** The host and the last four characters: enough to tell two channels apart, nothing to post with. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    const tail = `${u.pathname}${u.search}`.slice(-4);
    return `${u.protocol}//${u.host}/…${tail}`;
  } catch {
    return '…';
  }
}

const maskEmail = (addr: string) => {
  const [local = '', domain = ''] = addr.split('@');
  return `${local.slice(0, 1)}…@${domain}`;
};

export function maskSecret(secret: ChannelSecret): string {
  if (secret.kind !== 'email') return maskUrl(secret.url);
  const via = secret.via === 'mailgun' ? `Mailgun ${maskUrl(secret.apiUrl ?? '')}` : 'Cloudflare Email';
  return `${secret.to.map(maskEmail).join(', ')} via ${via}`;
}

export function toChannel(row: ChannelRow): Channel {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    target: maskSecret(readSecret(row)),
    digestRoles: JSON.parse(row.digest_roles) as Channel['digestRoles'],
    urgentAlerts: row.urgent_alerts === 1,
    active: row.active === 1,
    createdAt: toIso(row.created_at),
  };
}

export async function digestSettings(db: D1Database): Promise<DigestSettings> {
  return { ...DEFAULT_DIGEST_SETTINGS, ...(await getDigestSettings(db)) };
}

/** Deliveries that failed at least once, newest first; or the one named, whatever its state. */
export async function deliveriesFor(db: D1Database, id?: string): Promise<Delivery[]> {
  return (await listDeliveries(db, 100, id ?? null)).map((r) => ({
    id: r.id,
    channelLabel: r.channel_label,
    channelKind: r.channel_kind,
    kind: r.kind,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at === null ? null : toIso(r.next_attempt_at),
    createdAt: toIso(r.created_at),
  }));
}
