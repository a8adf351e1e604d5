/**
 * Everything that needs zod and the shared schemas, loaded after the popup's first render. Its own
 * module so the popup's core never imports the chunk whose actions import the core.
 */
export const services = () => import('./services');
