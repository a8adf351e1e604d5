import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { MessageContent } from '../../worker/messages/types';
import { received, receiverUrl } from './digest-helpers';

// The message sender's own Worker (worker/sender.ts), reached over the API's SENDER binding exactly as in
// production: the API bundle no longer holds the platform builders (bench `size`). The digest tests
// (routes/digests-channels.test.ts) go through it end to end; these pin its own answers.
const content: MessageContent = {
  title: 'Weekly digest for leads',
  subtitle: 'Demo Hospital · 2026-11-23 to 2026-11-30',
  facts: [{ title: 'Loops closed', value: '3' }],
  listTitle: null,
  list: [],
  link: null,
};

describe('the sender Worker', () => {
  it('posts to the channel and answers null once it is delivered', async () => {
    const slack = receiverUrl('slack');
    expect(await env.SENDER.send({ kind: 'slack', url: slack.url }, content, false)).toBeNull();
    const [got] = await received(slack.name);
    expect(got?.slack?.problems).toEqual([]);
    expect(got?.slack?.texts[0]).toBe('Weekly digest for leads');
  });

  it('answers a receiver’s failure by its status, never its body', async () => {
    const teams = receiverUrl('teams', 'fail');
    expect(await env.SENDER.send({ kind: 'teams', url: teams.url }, content, false)).toBe('HTTP 500');
  });

  it('refuses a loopback address in production, and treats a missing flag as production', async () => {
    const slack = receiverUrl('slack');
    expect(await env.SENDER.send({ kind: 'slack', url: slack.url }, content, true)).toBe('address refused');
    const unsure = undefined as unknown as boolean;
    expect(await env.SENDER.send({ kind: 'slack', url: slack.url }, content, unsure)).toBe('address refused');
    expect(await received(slack.name)).toEqual([]);
  });
});
