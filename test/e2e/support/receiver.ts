/**
 * The worker tests' local stand-ins for Teams, Slack and Mailgun (test/worker/digest-receiver.global.mjs),
 * on a loopback port of their own: each parses what it got with the platform's real parser and keeps a
 * record, read back at GET /received/<name>. A receiver path is `/<teams|slack|mail>/<ok|fail|flaky>/<name>`.
 */
export interface Received {
  platform: string;
  mode: string;
  failed: boolean;
  parseError?: string;
  card?: { version?: string; events: string[]; texts: string[]; actions: Array<{ type: string; url?: string }> };
  slack?: { problems: string[]; texts: string[]; buttons: string[] };
}

export interface Receiver {
  url: string;
  close: () => Promise<void>;
  received: (name: string) => Promise<Received[]>;
}

export async function startReceiver(): Promise<Receiver> {
  const { startDigestReceiver } = await import('../../worker/digest-receiver.global.mjs');
  const receiver = await startDigestReceiver();
  return {
    ...receiver,
    received: async (name) => (await (await fetch(`${receiver.url}/received/${name}`)).json()) as Received[],
  };
}
