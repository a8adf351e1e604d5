import { createApp } from './app';
import type { Env } from './env';
import { scheduled } from './scheduled';

const app = createApp();

// The entry module exports only the Worker's handlers: workerd rejects any other named export.
export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Env>;
