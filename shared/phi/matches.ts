/**
 * Every match of the global regex `re` in `text`, from its start: what `text.matchAll(re)` yields, read at
 * once. `matchAll` copies its regex on every call (the spec's species constructor), ≈ 3 µs for the
 * detector's long patterns even on a six-letter text; with some sixty patterns read per text, that copying
 * was most of what checking a short field cost (a screen's words, a search, a title). Reading with `exec`
 * on the regex itself is safe here because every match is collected before the caller's loop body runs,
 * so a body that reads the same regex again cannot move this one's position.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError(`allMatches needs a global regex: ${re}`);
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    found.push(m);
    // An empty match would be found again at the same place: step past it, as matchAll does.
    if (m[0] === '') re.lastIndex = advance(text, re.lastIndex, /[uv]/.test(re.flags));
  }
  return found;
}

/** The next index after `i`, a whole surrogate pair at once in unicode mode. */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const first = text.charCodeAt(i);
  const second = text.charCodeAt(i + 1);
  return first >= 0xd800 && first <= 0xdbff && second >= 0xdc00 && second <= 0xdfff ? i + 2 : i + 1;
}
