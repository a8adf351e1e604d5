/**
 * Stands in for core-js-pure's `instance/trim`, which mimetext's browser build imports through
 * @babel/runtime-corejs3 (wrangler.sender.jsonc `alias`): workerd has String.prototype.trim, and the polyfill
 * and its core-js internals were most of what e-mail added to the worker bundle.
 */
export default function trimOf(it: string): () => string {
  return it.trim;
}
