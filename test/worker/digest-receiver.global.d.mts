// Types for the e2e suite, which starts the same receiver in its own process (test/e2e/support/receiver.ts).
export declare const MAILGUN_KEY: string;
export declare function startDigestReceiver(): Promise<{ url: string; close: () => Promise<void> }>;
declare const setup: (project: unknown) => Promise<() => Promise<void>>;
export default setup;
