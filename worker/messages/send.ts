import { EmailMessage } from 'cloudflare:email';
import type { SenderEnv } from '../env';
import { isAllowedUrl } from './addresses';
import { emailRaw } from './email';
import { slackBody } from './slack';
import { teamsBody } from './teams';
import type { ChannelSecret, MessageContent, SendOutcome } from './types';

const SEND_TIMEOUT_MS = 10_000;

/**
 * One attempt at one channel, in curbside-sender: the platform's body (Block Kit, an Adaptive Card or
 * MIME) built from `content` and posted. The API keeps the queue, the retries and the outcome.
 */
export async function sendContent(
  env: SenderEnv,
  secret: ChannelSecret,
  content: MessageContent,
  production: boolean,
): Promise<SendOutcome> {
  const post = async (url: string, init: RequestInit): Promise<SendOutcome> => {
    if (!isAllowedUrl(url, production)) return 'address refused';
    const res = await fetch(url, {
      ...init,
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    // The body is drained, never kept: a receiver's answer may echo what was sent.
    await res.body?.cancel();
    return res.ok ? null : `HTTP ${res.status}`;
  };
  const json = (body: unknown): RequestInit => ({
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (secret.kind === 'slack') return post(secret.url, json(slackBody(content)));
  if (secret.kind === 'teams') return post(secret.url, json(teamsBody(content)));
  const raw = emailRaw(content, secret.from, secret.to);
  if (secret.via === 'mailgun') {
    // Mailgun's MIME endpoint: the message as a file part, recipients beside it, HTTP Basic as "api".
    const form = new FormData();
    for (const to of secret.to) form.append('to', to);
    form.append('message', new Blob([raw], { type: 'message/rfc822' }), 'message.mime');
    return post(secret.apiUrl ?? '', {
      headers: { authorization: `Basic ${btoa(`api:${secret.apiKey ?? ''}`)}` },
      body: form,
    });
  }
  if (!env.EMAIL) return 'no send_email binding';
  // The binding takes one envelope recipient per message.
  for (const to of secret.to) await env.EMAIL.send(new EmailMessage(secret.from, to, raw));
  return null;
}
