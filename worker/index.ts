import { createApp } from './app';

// The entry module exports only the Worker's handlers: workerd rejects any other named export.
export default createApp();
