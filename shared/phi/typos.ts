// Typing slips a reader still understands: two neighbouring letters swapped ("palte", "daugther") or
// one letter dropped ("serail" is a swap, "membr" a drop). Label and cue words are matched in these
// forms too; a slip that spells another English word ("plat" aside) is left out by the caller's list.

/** Swaps of neighbouring letters and single dropped letters, never touching the first letter. */
export function slips(word: string): string[] {
  const w = word.toLowerCase();
  if (w.length < 5 || !/^[a-z]+$/.test(w)) return [];
  const out = new Set<string>();
  for (let i = 1; i < w.length - 1; i++) {
    if (w[i] !== w[i + 1]) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
  }
  // A dropped letter only from the longer words: short ones drop into other words too easily.
  if (w.length >= 7) for (let i = 1; i < w.length; i++) out.add(w.slice(0, i) + w.slice(i + 1));
  out.delete(w);
  return [...out];
}
