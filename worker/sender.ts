import { WorkerEntrypoint } from 'cloudflare:workers';
import type { SenderEnv } from './env';
import { sendContent } from './messages/send';
import type { ChannelSecret, MessageContent, SendOutcome } from './messages/types';

/**
 * curbside-sender (wrangler.sender.jsonc): digests and urgent alerts leave through this Worker, reached by
 * the API over a service binding (`env.SENDER`, RPC). The platform builders (Adaptive Cards, MIME with
 * its base64 encoder) load here, once per sender isolate, instead of in the API bundle every request
 * starts. It keeps nothing: the API hands it a channel's secret and the message for one attempt and
 * records what it answers. It has no public route; only a Worker bound to it can call it.
 */
export default class Sender extends WorkerEntrypoint<SenderEnv> {
  /** One attempt: null when delivered, else an HTTP status or an error's kind (never a receiver's answer). */
  async send(secret: ChannelSecret, content: MessageContent, production: boolean): Promise<SendOutcome> {
    try {
      // Only an explicit false relaxes the address rule (loopback receivers outside production).
      return await sendContent(this.env, secret, content, production !== false);
    } catch (e) {
      // The kind only, as before the split: a thrown error's message may quote what was sent.
      return e instanceof Error ? e.name : 'Error';
    }
  }

  override fetch(): Response {
    return new Response(null, { status: 404 });
  }
}
