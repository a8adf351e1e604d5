// A small seeded PRNG so the corpus is byte-identical on every machine and Node version
// (Math.random is never used). mulberry32 over a 32-bit FNV-1a hash of a string seed.

export type Rng = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Integer in [lo, hi], both included. */
  int: (lo: number, hi: number) => number;
  /** True with probability p. */
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  /** Pick by weight: [[weight, item], ...]. */
  weighted: <T>(items: readonly (readonly [number, T])[]) => T;
  /** n digits as a string (leading zeros allowed). */
  digits: (n: number) => string;
  /** n characters drawn from an alphabet. */
  chars: (n: number, alphabet: string) => string;
  shuffle: <T>(items: readonly T[]) => T[];
  /** A child stream, independent of later draws on this one. */
  fork: (label: string) => Rng;
};

/** 32-bit FNV-1a: stable string hashing for seeds and for assigning names to a split. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: string): Rng {
  let state = fnv1a(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const rng: Rng = {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted: (items) => {
      const total = items.reduce((sum, [w]) => sum + w, 0);
      let r = next() * total;
      for (const [w, item] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return pick(items)[1];
    },
    digits: (n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += String(int(0, 9));
      return s;
    },
    chars: (n, alphabet) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[int(0, alphabet.length - 1)];
      return s;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
    fork: (label) => createRng(`${state}:${label}`),
  };
  return rng;
}
