/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two partitions of the
 * same rows: 1 for identical partitions (whatever the label numbers), about 0
 * for chance agreement, negative for worse than chance. Used for global
 * stability across bootstrap solutions.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new Error(`Labelings differ in length: ${n} vs ${b.length}`);
  if (n === 0) throw new Error("Labelings are empty");
  const { codes: ca, count: ka } = compactLabels(a);
  const { codes: cb, count: kb } = compactLabels(b);

  let sumCells = 0;
  // Dense table for the usual handful of segments; a map when labels are many (e.g. all singletons).
  if (ka * kb <= 1 << 22) {
    const table = new Float64Array(ka * kb);
    for (let i = 0; i < n; i++) table[ca[i] * kb + cb[i]]++;
    for (let c = 0; c < table.length; c++) sumCells += pairs(table[c]);
  } else {
    const table = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = ca[i] * kb + cb[i];
      table.set(key, (table.get(key) ?? 0) + 1);
    }
    for (const count of table.values()) sumCells += pairs(count);
  }
  const sumA = sumPairsOfCounts(ca, ka);
  const sumB = sumPairsOfCounts(cb, kb);
  const expected = (sumA * sumB) / pairs(n);
  const maximum = (sumA + sumB) / 2;
  // max = expected only when both are one cluster or both all singletons: identical partitions.
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}

function pairs(count: number): number {
  return (count * (count - 1)) / 2;
}

function sumPairsOfCounts(codes: Int32Array, count: number): number {
  const sizes = new Float64Array(count);
  for (let i = 0; i < codes.length; i++) sizes[codes[i]]++;
  let total = 0;
  for (let c = 0; c < count; c++) total += pairs(sizes[c]);
  return total;
}

/** Maps arbitrary label values to 0..count-1 in order of first appearance. */
export function compactLabels(labels: ArrayLike<number>): { codes: Int32Array; count: number } {
  const codes = new Int32Array(labels.length);
  const seen = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (!Number.isFinite(label)) throw new Error(`Label at position ${i} is not a finite number (${label})`);
    let code = seen.get(label);
    if (code === undefined) {
      code = seen.size;
      seen.set(label, code);
    }
    codes[i] = code;
  }
  return { codes, count: seen.size };
}
