import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { degrees } from '../graph';
import { findAbParams } from '../kernel';
import { createOptimizer } from '../optimizer';
import { createRng } from '../random';
import { problemOptions, ringProblem } from '../testing/ringProblem';
import type { Graph } from '../types';
import { EXACT_LOSS_MAX_POINTS, FAR_FIELD_RELATIVE_ERROR, farFieldRowSums } from './farField';
import { evaluateLosses, type Losses } from './losses';
import type { LossSettings } from './lossLog';
import { evaluateNegLosses } from './negLosses';
import { repulsionRowSums } from './pairRepulsion';
import { buildQuadtree } from './quadtree';

const { a, b } = findAbParams(1, 0.1);
const paper: LossSettings = { a, b, eps: 1e-4, diagonal: true, clamped: false };
const clamped: LossSettings = { ...paper, clamped: true };

const relative = (value: number, expected: number): number => Math.abs(value - expected) / Math.abs(expected);

function worstTotalError(approximate: Losses, exact: Losses): number {
  return Math.max(
    relative(approximate.purported.total, exact.purported.total),
    relative(approximate.effective.total, exact.effective.total),
    relative(approximate.purported.repulsive, exact.purported.repulsive),
    relative(approximate.effective.repulsive, exact.effective.repulsive),
  );
}

/** n points in `centers` Gaussian blobs (σ = spread) on a circle of the given radius. */
function blobLayout(n: number, centers: number, radius: number, spread: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const layout = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * (i % centers)) / centers;
    const r = spread * Math.sqrt(-2 * Math.log(1 - rng.next()));
    const phi = 2 * Math.PI * rng.next();
    layout[2 * i] = radius * Math.cos(angle) + r * Math.cos(phi);
    layout[2 * i + 1] = radius * Math.sin(angle) + r * Math.sin(phi);
  }
  return layout;
}

/** A symmetric chain graph i ~ i ± 1 … i ± k (cyclic) with μ decaying along the chain. */
function chainGraph(n: number, k: number): Graph {
  const rowPtr = new Int32Array(n + 1);
  const cols = new Int32Array(2 * k * n);
  const values = new Float32Array(2 * k * n);
  let p = 0;
  for (let i = 0; i < n; i++) {
    rowPtr[i] = p;
    for (let offset = -k; offset <= k; offset++) {
      if (offset === 0) continue;
      cols[p] = (i + offset + n) % n;
      values[p] = Math.exp(-Math.abs(offset) / 4);
      p++;
    }
  }
  rowPtr[n] = p;
  return { n, rowPtr, cols, values };
}

function rowSums(layout: Float32Array, s: LossSettings, approximate: boolean): Float64Array {
  const n = layout.length / 2;
  const out = new Float64Array(n);
  if (approximate) farFieldRowSums(layout, n, s, out);
  else repulsionRowSums(layout, n, s, out);
  return out;
}

describe('buildQuadtree', () => {
  it('keeps every point once, with exact moments and radii per node', () => {
    const n = 3000;
    const layout = blobLayout(n, 4, 5, 1, 11);
    const tree = buildQuadtree(layout, n);
    expect([...tree.order].sort((x, y) => x - y)).toEqual([...Array(n).keys()]);
    expect(tree.start[0]).toBe(0);
    expect(tree.end[0]).toBe(n);
    for (let node = 0; node < tree.nodeCount; node++) {
      let count = 0;
      let sx = 0;
      let sy = 0;
      for (let p = tree.start[node]; p < tree.end[node]; p++) {
        sx += layout[2 * tree.order[p]];
        sy += layout[2 * tree.order[p] + 1];
        count++;
      }
      expect(tree.cx[node]).toBeCloseTo(sx / count, 9);
      expect(tree.cy[node]).toBeCloseTo(sy / count, 9);
      let xx = 0;
      let radius = 0;
      for (let p = tree.start[node]; p < tree.end[node]; p++) {
        const dx = layout[2 * tree.order[p]] - tree.cx[node];
        const dy = layout[2 * tree.order[p] + 1] - tree.cy[node];
        xx += dx * dx;
        radius = Math.max(radius, Math.hypot(dx, dy));
      }
      expect(tree.mxx[node]).toBeCloseTo(xx, 6);
      expect(tree.radius[node]).toBeCloseTo(radius, 9);
      // Children tile the parent's range in order.
      if (tree.childCount[node] > 0) {
        const first = tree.firstChild[node];
        const last = first + tree.childCount[node] - 1;
        expect(tree.start[first]).toBe(tree.start[node]);
        expect(tree.end[last]).toBe(tree.end[node]);
        for (let c = first; c < last; c++) expect(tree.end[c]).toBe(tree.start[c + 1]);
      } else {
        expect(tree.end[node] - tree.start[node] <= 12 || count === n).toBe(true);
      }
    }
  });

  it('stops splitting coincident points', () => {
    const layout = new Float32Array(2 * 100).fill(1.5);
    const tree = buildQuadtree(layout, 100);
    expect(tree.end[tree.nodeCount - 1] - tree.start[tree.nodeCount - 1]).toBeGreaterThan(12);
    const sums = new Float64Array(100);
    farFieldRowSums(layout, 100, paper, sums);
    // ν = 1 for all 100 × 100 ordered pairs: R_i = 100·log ε.
    for (const value of sums) expect(value).toBeCloseTo(100 * Math.log(1e-4), 9);
  });
});

describe('farFieldRowSums', () => {
  it('is exact when no cell is far enough to expand', () => {
    // 12 points fit one leaf: every pair is evaluated by the formula.
    const layout = blobLayout(12, 3, 2, 0.5, 5);
    for (const s of [paper, clamped, { ...paper, diagonal: false }]) {
      const exact = rowSums(layout, s, false);
      const approximate = rowSums(layout, s, true);
      for (let i = 0; i < 12; i++) expect(relative(approximate[i], exact[i])).toBeLessThan(1e-9);
    }
  });

  it('skips cells beyond the paper log kink exactly and keeps the clamped tail', () => {
    // Two clusters 10⁴ apart: ν ≈ 1e-7 < ε between them, so in the paper log they do not interact.
    const n = 2000;
    const left = blobLayout(n / 2, 2, 1, 0.3, 3);
    const layout = new Float32Array(2 * n);
    layout.set(left);
    for (let i = 0; i < n / 2; i++) {
      layout[n + 2 * i] = left[2 * i] + 1e4;
      layout[n + 2 * i + 1] = left[2 * i + 1];
    }
    // Exactly, the far cluster adds nothing; the approximation must not add its log(1 + ε − ν) > 0.
    const alone = rowSums(left, paper, false);
    const both = rowSums(layout, paper, true);
    for (let i = 0; i < n / 2; i++) {
      expect(relative(both[i], alone[i])).toBeLessThan(5e-3);
      expect(relative(both[n / 2 + i], alone[i])).toBeLessThan(5e-3);
    }
    // Clamped: the far cluster adds ≈ (n/2)·log(1 − 1/(a·1e8^b)) to every row.
    const exact = rowSums(layout, clamped, false);
    const approximate = rowSums(layout, clamped, true);
    let exactTotal = 0;
    let approximateTotal = 0;
    for (let i = 0; i < n; i++) {
      exactTotal += exact[i];
      approximateTotal += approximate[i];
    }
    expect(relative(approximateTotal, exactTotal)).toBeLessThan(FAR_FIELD_RELATIVE_ERROR / 10);
  });

  it('approximates each row and the sums within the bound, in both log conventions', () => {
    const layout = blobLayout(4000, 7, 6, 1.2, 17);
    for (const s of [paper, clamped]) {
      const exact = rowSums(layout, s, false);
      const approximate = rowSums(layout, s, true);
      let exactTotal = 0;
      let approximateTotal = 0;
      let worstRow = 0;
      for (let i = 0; i < exact.length; i++) {
        exactTotal += exact[i];
        approximateTotal += approximate[i];
        worstRow = Math.max(worstRow, relative(approximate[i], exact[i]));
      }
      expect(relative(approximateTotal, exactTotal)).toBeLessThan(FAR_FIELD_RELATIVE_ERROR / 2);
      expect(worstRow).toBeLessThan(5e-3);
    }
  });

  it('rejects an opening angle outside (0, 1)', () => {
    const layout = blobLayout(10, 2, 1, 1, 1);
    expect(() => farFieldRowSums(layout, 10, paper, new Float64Array(10), 1)).toThrow(/theta/);
  });
});

describe('evaluateLosses with the far field', () => {
  it("'auto' and the default are bit-identical to exact up to EXACT_LOSS_MAX_POINTS", () => {
    const n = 600;
    const layout = blobLayout(n, 3, 4, 1, 23);
    const g = chainGraph(n, 5);
    const exact = evaluateLosses(g, layout, { a, b, m: 5, approximate: false });
    expect(evaluateLosses(g, layout, { a, b, m: 5 })).toEqual(exact);
    expect(evaluateLosses(g, layout, { a, b, m: 5, approximate: 'auto' })).toEqual(exact);
    expect(evaluateLosses(g, layout, { a, b, m: 5, approximate: true })).not.toEqual(exact);
    expect(EXACT_LOSS_MAX_POINTS).toBe(5000);
  });

  it('is within 1e-3 of exact on the paper ring (n = 5000) after 30 epochs', () => {
    const ring = ringProblem({ n: 5000, init: 'random', initSeed: 1 });
    const optimizer = createOptimizer(problemOptions(ring, { seed: 1, trackLoss: false }));
    optimizer.step(30);
    const o = { a: ring.a, b: ring.b, m: 5 };
    const exact = evaluateLosses(ring.graph, optimizer.embedding, { ...o, approximate: false });
    const approximate = evaluateLosses(ring.graph, optimizer.embedding, { ...o, approximate: true });
    expect(approximate.purported.attractive).toBe(exact.purported.attractive);
    expect(worstTotalError(approximate, exact)).toBeLessThan(FAR_FIELD_RELATIVE_ERROR);
  });

  it("is within 1e-3 of exact on a contracted 20 000-point ring, and 'auto' selects it", () => {
    const n = 20_000;
    const ring = paperRing({ n });
    const layout = new Float32Array(ring.points.length);
    for (let i = 0; i < layout.length; i++) layout[i] = 0.5 * ring.points[i];
    const g = chainGraph(n, 7);
    const exact = evaluateLosses(g, layout, { a, b, m: 5, approximate: false });
    const approximate = evaluateLosses(g, layout, { a, b, m: 5 });
    expect(approximate).toEqual(evaluateLosses(g, layout, { a, b, m: 5, approximate: true }));
    expect(worstTotalError(approximate, exact)).toBeLessThan(FAR_FIELD_RELATIVE_ERROR);
    expect(worstTotalError(approximate, exact)).toBeGreaterThan(0);
  });
});

describe("NEG's losses (eq. 6 and eq. 12 with ξ) with the far field", () => {
  // c = m·Z̄/n²: from t-SNE's end of the spectrum (Z̄ = 100n at n = 20 000, m = 5: 0.025) to past
  // UMAP's (1), where ξ's tail is heavy and light.
  const scales = [0.025, 0.25, 1, 4];

  it('are within 1e-3 of the exact sums on blobs (n = 4 000), for every scale c', () => {
    const n = 4000;
    const layout = blobLayout(n, 7, 6, 1.2, 17);
    const g = chainGraph(n, 5);
    const d = degrees(g);
    for (const c of scales) {
      const exact = evaluateNegLosses(g, layout, { c, m: 5, degrees: d, approximate: false });
      const approximate = evaluateNegLosses(g, layout, { c, m: 5, degrees: d, approximate: true });
      expect(approximate.effective.attractive).toBe(exact.effective.attractive);
      expect(worstTotalError(approximate, exact)).toBeLessThan(FAR_FIELD_RELATIVE_ERROR);
      expect(worstTotalError(approximate, exact)).toBeGreaterThan(0);
    }
  });

  it("are within 1e-3 on a contracted 20 000-point ring, and 'auto' selects the far field above 5 000 points", () => {
    const n = 20_000;
    const ring = paperRing({ n });
    const layout = new Float32Array(ring.points.length);
    for (let i = 0; i < layout.length; i++) layout[i] = 0.5 * ring.points[i];
    const g = chainGraph(n, 7);
    const d = degrees(g);
    for (const c of [scales[0], scales[2]]) {
      const exact = evaluateNegLosses(g, layout, { c, m: 5, degrees: d, approximate: false });
      const approximate = evaluateNegLosses(g, layout, { c, m: 5, degrees: d });
      expect(approximate).toEqual(evaluateNegLosses(g, layout, { c, m: 5, degrees: d, approximate: true }));
      expect(worstTotalError(approximate, exact)).toBeLessThan(FAR_FIELD_RELATIVE_ERROR);
    }
  });
});
