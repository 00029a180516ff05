/**
 * Synthetic datasets: the paper's ring and multi-ring (numpy-exact, docs/algorithm.md §3.2), the uniform
 * square of App. H, and Gaussian blobs. Coordinates are computed in float64 like numpy and stored as
 * float32, the precision umap-learn works in.
 */
import { UserError } from '../errors';
import { createGaussian, createRng, type NumpyRandomState, numpyRandomState } from '../random';
import type { Dataset } from '../types';

export interface RingOptions {
  n?: number;
  radius?: number;
  noise?: number;
  seed?: number;
}

export interface RingsOptions extends RingOptions {
  count?: number;
  spacing?: number;
}

function requireInteger(what: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new UserError(`${what} must be a whole number of at least ${min}; got ${value}`);
  }
}

function requireFinite(what: string, value: number, min: number, inclusive: boolean): void {
  const ok = Number.isFinite(value) && (inclusive ? value >= min : value > min);
  if (!ok) {
    throw new UserError(`${what} must be a number ${inclusive ? '≥' : '>'} ${min}; got ${value}`);
  }
}

function validateRing(n: number, radius: number, noise: number): void {
  requireInteger('The number of points n', n, 2);
  requireFinite('The ring radius', radius, 0, false);
  requireFinite('The noise radius', noise, 0, true);
}

/**
 * One ring of the paper's `get_ring(n, r, var, noise="uniform")` (docs/algorithm.md §3.2), written into
 * `out` (float64, n×2) from `rowOffset` on, shifted by `shiftX` along x:
 *   θ_i = 2πi/n, base r·(sin θ_i, cos θ_i)  — x is the sine;
 *   noise ρ_i·(sin φ_i, cos φ_i), ρ_i = √U_i·noise, φ_i = π·V_i, V_i = uniform(0, 2),
 * a point uniform in a disc of radius `noise`. All n U draws come before all n V draws, as numpy
 * fills `uniform(size=n)` twice.
 */
function writeRing(
  out: Float64Array,
  rowOffset: number,
  n: number,
  radius: number,
  noise: number,
  shiftX: number,
  state: NumpyRandomState,
): void {
  const noiseRadii = new Float64Array(n);
  for (let i = 0; i < n; i++) noiseRadii[i] = Math.sqrt(state.next()) * noise;
  for (let i = 0; i < n; i++) {
    const noiseAngle = Math.PI * state.uniform(0, 2);
    const theta = (2 * Math.PI * i) / n;
    const row = 2 * (rowOffset + i);
    out[row] = radius * Math.sin(theta) + noiseRadii[i] * Math.sin(noiseAngle) + shiftX;
    out[row + 1] = radius * Math.cos(theta) + noiseRadii[i] * Math.cos(noiseAngle);
  }
}

/** The ring in float64 (n×2 row-major), exactly numpy's values up to libm's last-ulp differences. */
export function paperRingCoordinates({
  n = 1000,
  radius = 4,
  noise = 0.5,
  seed = 3,
}: RingOptions = {}): Float64Array {
  validateRing(n, radius, noise);
  const coordinates = new Float64Array(2 * n);
  writeRing(coordinates, 0, n, radius, noise, 0, numpyRandomState(seed));
  return coordinates;
}

/** Angle fraction i/n of each ring point, in [0, 1). */
function ringHue(n: number, count: number): Float32Array {
  const hue = new Float32Array(n * count);
  for (let r = 0; r < count; r++) {
    for (let i = 0; i < n; i++) hue[r * n + i] = i / n;
  }
  return hue;
}

/** The paper's ring (Fig. 1): `np.random.seed(seed); get_ring(n, radius, noise)`. */
export function paperRing({ n = 1000, radius = 4, noise = 0.5, seed = 3 }: RingOptions = {}): Dataset {
  const coordinates = paperRingCoordinates({ n, radius, noise, seed });
  return { name: 'ring', n, dim: 2, points: Float32Array.from(coordinates), hue: ringHue(n, 1) };
}

/** Fig. 1c's multi-ring: 20 rings of the paper ring's size, radius and noise, 12 apart. */
const PAPER_RINGS_DEFAULTS = { count: 20, n: 1000, radius: 4, noise: 0.5, spacing: 12, seed: 3 };

/**
 * The multi-ring of Fig. 1c: one `np.random.seed(seed)`, then `count` rings drawn in sequence from
 * that stream, ring i shifted by (spacing·i, 0). Ring 0 therefore equals `paperRing({ seed })`.
 */
export function paperRings(options: RingsOptions = {}): Dataset {
  const { count, n, radius, noise, spacing, seed } = { ...PAPER_RINGS_DEFAULTS, ...options };
  requireInteger('The number of rings', count, 1);
  validateRing(n, radius, noise);
  if (!Number.isFinite(spacing)) throw new UserError(`The ring spacing must be a number; got ${spacing}`);
  const state = numpyRandomState(seed);
  const coordinates = new Float64Array(2 * n * count);
  const labels = new Int32Array(n * count);
  const labelNames: string[] = [];
  for (let r = 0; r < count; r++) {
    writeRing(coordinates, r * n, n, radius, noise, spacing * r, state);
    labels.fill(r, r * n, (r + 1) * n);
    labelNames.push(`ring ${r}`);
  }
  return {
    name: 'rings',
    n: n * count,
    dim: 2,
    points: Float32Array.from(coordinates),
    labels,
    labelNames,
    hue: ringHue(n, count),
  };
}

/**
 * n points uniform in [0, 1)² (App. H): `np.random.seed(seed); np.random.uniform(size=(n, 2))`,
 * filled row-major, so point i is (draw 2i, draw 2i+1).
 */
export function uniformSquare({ n = 1000, seed = 0 }: { n?: number; seed?: number } = {}): Dataset {
  requireInteger('The number of points n', n, 2);
  const state = numpyRandomState(seed);
  const points = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) points[i] = state.next();
  return { name: 'uniform square', n, dim: 2, points };
}

export interface BlobsOptions {
  n?: number;
  dim?: number;
  centers?: number;
  /** Standard deviation of the points around their centre, per coordinate. */
  spread?: number;
  seed?: number;
}

/** Standard deviation of the blob centres per coordinate (see `gaussianBlobs`). */
const BLOB_CENTER_SCALE = 10;

/**
 * Gaussian blobs: centres drawn N(0, 10²) per coordinate, points N(centre, spread²). With the
 * defaults (dim 50, spread 1) centres are ~100 apart while a blob's radius is ~√50 ≈ 7, so the
 * clusters are well separated. Point i belongs to blob ⌊i·centers/n⌋ (contiguous, balanced
 * blocks). Draw order: all centres, then the points row-major, from `createRng(seed)` with
 * Box–Muller; not numpy-compatible.
 */
export function gaussianBlobs({
  n = 1000,
  dim = 50,
  centers = 5,
  spread = 1,
  seed = 0,
}: BlobsOptions = {}): Dataset {
  requireInteger('The number of points n', n, 2);
  requireInteger('The dimension', dim, 1);
  requireInteger('The number of blobs', centers, 1);
  if (centers > n) throw new UserError(`${centers} blobs need at least ${centers} points; n is ${n}`);
  requireFinite('The blob spread', spread, 0, true);
  const gaussian = createGaussian(createRng(seed));
  const centerCoordinates = new Float64Array(centers * dim);
  for (let i = 0; i < centerCoordinates.length; i++) centerCoordinates[i] = BLOB_CENTER_SCALE * gaussian();
  const points = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  const labelNames: string[] = [];
  for (let c = 0; c < centers; c++) labelNames.push(`blob ${c}`);
  for (let i = 0; i < n; i++) {
    const blob = Math.floor((i * centers) / n);
    labels[i] = blob;
    for (let d = 0; d < dim; d++)
      points[i * dim + d] = centerCoordinates[blob * dim + d] + spread * gaussian();
  }
  return { name: 'blobs', n, dim, points, labels, labelNames };
}
