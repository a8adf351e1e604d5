// The arithmetic behind the differencing property test: which sums of hidden numbers a lead can
// compute from the numbers the API returned.
//
// Each returned number is a sum over a set of "atoms" — the flags of one unit, one screen (the
// hotspot a flag was filed into), one week, one impact and one kind (named or anonymous). The lead is
// granted more than the API tells: which unit cells (unit × screen × week) are non-empty. A hidden
// cell's count (or minutes) can be computed exactly iff its atom set is a linear combination of the
// returned sets; this is decided by Gaussian elimination modulo a prime (a combination over the
// rationals is one modulo p too, so the check never misses a leak).

const P = 1_000_003;

const mod = (n: number) => ((n % P) + P) % P;

function inverse(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** Row space of 0/1 rows over atoms, with columns no row tells apart merged into one. */
export class Span {
  private readonly rows = new Map<string, number[]>();

  /** Adds the set of atoms (indices) a returned number sums over. */
  add(atoms: readonly number[]) {
    if (atoms.length === 0) return;
    const sorted = [...atoms].sort((a, b) => a - b);
    this.rows.set(sorted.join(','), sorted);
  }

  get size() {
    return this.rows.size;
  }

  /** Returns a test: is this atom set (a hidden cell) a linear combination of the rows? */
  solve(): (atoms: readonly number[]) => boolean {
    const rows = [...this.rows.values()];
    // Atoms every row treats alike form one column: a hidden set that splits such a class can
    // never be a combination of the rows.
    const signature = new Map<number, number[]>();
    rows.forEach((row, i) => {
      for (const a of row) (signature.get(a) ?? signature.set(a, []).get(a))?.push(i);
    });
    const classOf = new Map<number, number>();
    const classes = new Map<string, number>();
    const classSize: number[] = [];
    for (const [atom, sig] of signature) {
      const key = sig.join(',');
      let c = classes.get(key);
      if (c === undefined) {
        c = classes.size;
        classes.set(key, c);
        classSize.push(0);
      }
      classOf.set(atom, c);
      classSize[c] = (classSize[c] ?? 0) + 1;
    }
    const width = classes.size;
    const pivots = new Map<number, Int32Array>();
    const reduce = (row: Int32Array) => {
      for (let col = 0; col < width; col++) {
        const v = row[col] ?? 0;
        if (v === 0) continue;
        const pivot = pivots.get(col);
        if (!pivot) continue;
        for (let j = col; j < width; j++) row[j] = mod((row[j] ?? 0) - v * (pivot[j] ?? 0));
      }
      return row;
    };
    const dense = (atoms: readonly number[]) => {
      const row = new Int32Array(width);
      for (const a of atoms) {
        const c = classOf.get(a);
        if (c !== undefined) row[c] = 1;
      }
      return row;
    };
    for (const atoms of rows) {
      const row = reduce(dense(atoms));
      const lead = row.findIndex((v) => v !== 0);
      if (lead < 0) continue;
      const inv = inverse(row[lead] ?? 1);
      for (let j = lead; j < width; j++) row[j] = mod((row[j] ?? 0) * inv);
      pivots.set(lead, row);
    }
    return (atoms) => {
      // Outside every row, or splitting a class: not a combination.
      const counts = new Map<number, number>();
      for (const a of atoms) {
        const c = classOf.get(a);
        if (c === undefined) return false;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      for (const [c, n] of counts) if (n !== classSize[c]) return false;
      return reduce(dense(atoms)).every((v) => v === 0);
    };
  }
}
