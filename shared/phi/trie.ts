// A regex alternation written as a trie ("acc(?:t|ount)" rather than "acct|account"): the regex engine
// tries alternatives one after another at every position, so a list of hundreds of labels costs
// hundreds of tests per character; a trie costs about one.

interface Node {
  end: boolean;
  next: Map<string, Node>;
}

const escapeChar = (c: string): string => (c === ' ' ? '\\s*' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));

function source(node: Node): string {
  const branches = [...node.next.entries()]
    // A space (any run of spaces, none included) is tried last: "medi cal" must not read "medical record"
    // as the label "medical" before "medical record" itself is tried.
    .sort(([a], [b]) => (a === ' ' ? 1 : b === ' ' ? -1 : a < b ? -1 : 1))
    .map(([c, child]) => escapeChar(c) + source(child));
  if (branches.length === 0) return '';
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  // Greedy: a longer label wins when both match ("medical record number" over "medical record").
  return node.end ? `(?:${body})?` : body;
}

/** Regex source matching exactly the given words (lower case; a space matches any run of spaces). */
export function trieSource(words: readonly string[]): string {
  const root: Node = { end: false, next: new Map() };
  for (const w of words) {
    let node = root;
    for (const c of w.toLowerCase()) {
      let child = node.next.get(c);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(c, child);
      }
      node = child;
    }
    node.end = true;
  }
  return source(root);
}
