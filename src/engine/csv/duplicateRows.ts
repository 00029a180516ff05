/** Rows that repeat an earlier row, and the jitter that keeps them from collapsing the neighbour graph. */
import { createGaussian, createRng, deriveSeed } from '../../core/random';

/** Relative scale of the duplicate jitter: 1e-3 of the column's standard deviation. */
export const JITTER_SCALE = 1e-3;

/**
 * Adds N(0, (JITTER_SCALE·σ_col)²) noise to every row that equals an earlier row, keeping the first
 * copy exact. umap-learn's data init adds noise when rows repeat (docs/algorithm.md §1.9, init "array"); we
 * do it at load time so the kNN stage never sees exact duplicates (zero distances make ρ = 0 and
 * the duplicates' σ search degenerate). σ is floored at a few float32 ulps of the column's values so
 * the noise survives rounding. Returns the number of jittered rows.
 */
export function jitterDuplicates(
  points: Float32Array,
  n: number,
  dim: number,
  columnScale: Float64Array,
  seed: number,
): number {
  const duplicates = findDuplicateRows(points, n, dim);
  if (duplicates.length === 0) return 0;
  const maxAbs = new Float64Array(dim);
  for (let i = 0; i < n * dim; i++) {
    const a = Math.abs(points[i]);
    if (a > maxAbs[i % dim]) maxAbs[i % dim] = a;
  }
  const sigma = new Float64Array(dim);
  for (let c = 0; c < dim; c++)
    sigma[c] = Math.max(JITTER_SCALE * columnScale[c], 8 * 2 ** -23 * maxAbs[c], 1e-30);
  const gaussian = createGaussian(createRng(deriveSeed(seed, 'csv-duplicate-jitter')));
  for (const row of duplicates) {
    const base = row * dim;
    for (let c = 0; c < dim; c++) points[base + c] += sigma[c] * gaussian();
  }
  return duplicates.length;
}

/** Rows equal (bit for bit) to an earlier row, found with an open-addressing hash of the rows. */
export function findDuplicateRows(points: Float32Array, n: number, dim: number): number[] {
  const bits = new Uint32Array(points.buffer, points.byteOffset, n * dim);
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const duplicates: number[] = [];
  for (let i = 0; i < n; i++) {
    let h = 2166136261;
    const base = i * dim;
    // −0 and +0 differ in bits but are equal numbers: hash them alike.
    for (let c = 0; c < dim; c++) h = Math.imul(h ^ (points[base + c] === 0 ? 0 : bits[base + c]), 16777619);
    let slot = (h >>> 0) & (size - 1);
    for (;;) {
      const other = slots[slot];
      if (other < 0) {
        slots[slot] = i;
        break;
      }
      if (rowsEqual(points, other * dim, base, dim)) {
        duplicates.push(i);
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return duplicates;
}

function rowsEqual(points: Float32Array, a: number, b: number, dim: number): boolean {
  for (let c = 0; c < dim; c++) if (points[a + c] !== points[b + c]) return false;
  return true;
}
