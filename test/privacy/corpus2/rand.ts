// A seeded generator of its own (sfc32 seeded by cyrb128), so corpus2 shares no random stream with the
// development corpus and is the same on every machine. Math.random is never used.

export type Rand = {
  float: () => number;
  /** Integer in [lo, hi], both included. */
  between: (lo: number, hi: number) => number;
  coin: (p: number) => boolean;
  one: <T>(items: readonly T[]) => T;
  /** n decimal digits; `firstNonZero` keeps a leading zero out. */
  num: (n: number, firstNonZero?: boolean) => string;
  /** n characters from an alphabet. */
  from: (alphabet: string, n: number) => string;
  mix: <T>(items: readonly T[]) => T[];
  /** An independent child stream. */
  child: (label: string) => Rand;
};

function cyrb128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

export function seeded(seed: string): Rand {
  let [a, b, c, d] = cyrb128(seed);
  const float = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) float();
  const between = (lo: number, hi: number) => lo + Math.floor(float() * (hi - lo + 1));
  const one = <T>(items: readonly T[]): T => {
    if (!items.length) throw new Error('corpus2: choice from an empty list');
    return items[Math.floor(float() * items.length)] as T;
  };
  return {
    float,
    between,
    coin: (p) => float() < p,
    one,
    num: (n, firstNonZero = false) => {
      let s = '';
      for (let i = 0; i < n; i++) s += String(i === 0 && firstNonZero ? between(1, 9) : between(0, 9));
      return s;
    },
    from: (alphabet, n) => {
      let s = '';
      for (let i = 0; i < n; i++) s += alphabet[between(0, alphabet.length - 1)];
      return s;
    },
    mix: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = between(0, i);
        const tmp = out[i] as (typeof out)[number];
        out[i] = out[j] as (typeof out)[number];
        out[j] = tmp;
      }
      return out;
    },
    child: (label) => seeded(`${a}.${b}.${c}.${d}/${label}`),
  };
}
