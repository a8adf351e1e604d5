import { WorkerEntrypoint } from 'cloudflare:workers';
import { findIdentifiers, type IdentifierSpan } from '../shared/phi';

/**
 * curbside-detector (wrangler.detector.jsonc): the identifier detector as a Worker of its own, reached
 * by the API over a service binding (`env.DETECTOR`, RPC). Its name lists are most of the detector's
 * weight (150 kB gz): here they load once per detector isolate instead of in every API bundle, and the
 * API's own bundle stays small. It has no public route; only a Worker bound to it can call it.
 */
export default class Detector extends WorkerEntrypoint {
  /** The spans `findIdentifiers` finds in each text, in order: one RPC for all of a request's texts. */
  find(texts: string[]): IdentifierSpan[][] {
    if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) throw new TypeError('texts must be strings');
    return texts.map((t) => findIdentifiers(t));
  }

  override fetch(): Response {
    return new Response(null, { status: 404 });
  }
}
