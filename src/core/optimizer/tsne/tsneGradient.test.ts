import { describe, expect, it } from 'vitest';
import type { Graph } from '../../types';
import { tsneAffinities } from './affinities';
import { exactTsneGradient } from './exactGradient';
import { gaussianLayout, randomGraph, relativeError } from './testing';
import { tsneGradient } from './tsneGradient';

/** Dense P of the graph, normalised over its off-diagonal entries, written out independently. */
function denseP(graph: Graph): Float64Array {
  const { n, rowPtr, cols, values } = graph;
  const p = new Float64Array(n * n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      if (cols[e] === i) continue;
      p[i * n + cols[e]] += values[e];
      total += values[e];
    }
  }
  return p.map((v) => v / total);
}

const kernel = (y: Float64Array, i: number, j: number) =>
  1 / (1 + (y[2 * i] - y[2 * j]) ** 2 + (y[2 * i + 1] - y[2 * j + 1]) ** 2);

/** A(y) = Σ p_ij log(1/w_ij): the attraction, before exaggeration. */
function attractionTerm(p: Float64Array, n: number, y: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) if (p[i * n + j] > 0) sum -= p[i * n + j] * Math.log(kernel(y, i, j));
  return sum;
}

/** log Z(y), Z = Σ_{i≠j} w_ij. */
function logZ(n: number, y: Float64Array): number {
  let z = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) z += kernel(y, i, j);
  return Math.log(z);
}

/** KL(P‖Q) = Σ p log(p/q) with q = w/Z. */
function klDivergence(p: Float64Array, n: number, y: Float64Array): number {
  const z = Math.exp(logZ(n, y));
  let kl = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const pij = p[i * n + j];
      if (pij > 0) kl += pij * Math.log(pij / (kernel(y, i, j) / z));
    }
  }
  return kl;
}

/** ∇f by central differences, step h per coordinate. */
function finiteDifferences(f: (y: Float64Array) => number, y: Float64Array, h = 1e-5): Float64Array {
  const g = new Float64Array(y.length);
  const probe = Float64Array.from(y);
  for (let k = 0; k < y.length; k++) {
    probe[k] = y[k] + h;
    const up = f(probe);
    probe[k] = y[k] - h;
    const down = f(probe);
    probe[k] = y[k];
    g[k] = (up - down) / (2 * h);
  }
  return g;
}

describe('tsneGradient', () => {
  const n = 30;
  const graph = randomGraph(n, 0.2, 7);
  const p = denseP(graph);
  const layout = gaussianLayout(n, 1.5, 11);

  it('is the gradient of KL(P‖Q) at ρ = 1 (central finite differences, relative error < 1e-5)', () => {
    const { gradient, kl } = tsneGradient(graph, layout, 1);
    const numeric = finiteDifferences((y) => klDivergence(p, n, y), layout);
    expect(relativeError(gradient, numeric)).toBeLessThan(1e-5);
    expect(kl.total).toBeCloseTo(klDivergence(p, n, layout), 12);
    // The gradient is not small: the check compares numbers of size ~1e-2 and up.
    expect(Math.hypot(...numeric)).toBeGreaterThan(0.05);
  });

  it('splits KL into attractive = Σ p log p − Σ p log w and repulsive = log Z', () => {
    const { kl, z } = tsneGradient(graph, layout, 3);
    let sumPLogP = 0;
    for (const v of p) if (v > 0) sumPLogP += v * Math.log(v);
    expect(kl.attractive).toBeCloseTo(sumPLogP + attractionTerm(p, n, layout), 12);
    expect(kl.repulsive).toBeCloseTo(logZ(n, layout), 12);
    expect(Math.log(z)).toBeCloseTo(logZ(n, layout), 12);
    expect(kl.total).toBe(kl.attractive + kl.repulsive);
  });

  it.each([0.5, 4, 30])('with ρ = %d is ρ·∇(Σ p log 1/w) + ∇ log Z, each by finite differences', (rho) => {
    const attraction = finiteDifferences((y) => attractionTerm(p, n, y), layout);
    const repulsion = finiteDifferences((y) => logZ(n, y), layout);
    const expected = attraction.map((a, k) => rho * a + repulsion[k]);
    const { gradient, kl } = tsneGradient(graph, layout, rho);
    expect(relativeError(gradient, expected)).toBeLessThan(1e-5);
    // The reported KL is the unexaggerated one.
    expect(kl.total).toBeCloseTo(klDivergence(p, n, layout), 12);
  });

  it('agrees with the pairwise reference formula 4 Σ_j (ρ p_ij − q_ij) w_ij (y_i − y_j)', () => {
    for (const rho of [1, 12]) {
      const fast = tsneGradient(graph, layout, rho);
      const reference = exactTsneGradient(graph, layout, rho);
      expect(relativeError(fast.gradient, reference.gradient)).toBeLessThan(1e-13);
      expect(fast.kl.total).toBeCloseTo(reference.kl.total, 13);
      expect(fast.z / reference.z).toBeCloseTo(1, 13);
    }
  });

  it('is the KL gradient for an asymmetric P too (both ends of every stored entry)', () => {
    const asymmetric = randomGraph(n, 0.2, 8, true);
    const pa = denseP(asymmetric);
    const { gradient } = tsneGradient(asymmetric, layout, 1);
    const numeric = finiteDifferences((y) => klDivergence(pa, n, y), layout);
    expect(relativeError(gradient, numeric)).toBeLessThan(1e-5);
  });

  it('takes float32 layouts and ignores stored diagonal entries', () => {
    const withLoops: Graph = (() => {
      // The random graph with a self-loop of weight 5 added to every row.
      const rowPtr = new Int32Array(n + 1);
      const cols: number[] = [];
      const values: number[] = [];
      for (let i = 0; i < n; i++) {
        cols.push(i);
        values.push(5);
        for (let e = graph.rowPtr[i]; e < graph.rowPtr[i + 1]; e++) {
          cols.push(graph.cols[e]);
          values.push(graph.values[e]);
        }
        rowPtr[i + 1] = cols.length;
      }
      return { n, rowPtr, cols: Int32Array.from(cols), values: Float32Array.from(values) };
    })();
    const y32 = Float32Array.from(layout);
    const plain = tsneGradient(graph, Float64Array.from(y32), 2);
    const looped = tsneGradient(withLoops, y32, 2);
    expect(relativeError(looped.gradient, plain.gradient)).toBeLessThan(1e-14);
    expect(looped.kl.total).toBeCloseTo(plain.kl.total, 13);
  });

  it('Barnes–Hut at θ = 0 opens every cell: the exact gradient', () => {
    const exact = tsneGradient(graph, layout, 2, 'exact');
    const bh = tsneGradient(graph, layout, 2, 'barnes-hut', 0);
    // The tree walks float32-rounded coordinates (quadtree.ts).
    expect(relativeError(bh.gradient, exact.gradient)).toBeLessThan(1e-6);
    expect(bh.z / exact.z).toBeCloseTo(1, 6);
  });
});

describe('tsneAffinities', () => {
  it('normalises the off-diagonal entries to Σ p = 1 with Σ p log p', () => {
    const graph = randomGraph(20, 0.3, 3);
    const aff = tsneAffinities(graph);
    let sum = 0;
    let plogp = 0;
    for (const v of aff.p) {
      sum += v;
      if (v > 0) plogp += v * Math.log(v);
    }
    expect(sum).toBeCloseTo(1, 14);
    expect(aff.sumPLogP).toBeCloseTo(plogp, 14);
    // A uniform P over m entries has Σ p log p = −log m.
    const uniform = tsneAffinities({ ...graph, values: new Float32Array(graph.values.length).fill(0.3) });
    expect(uniform.sumPLogP).toBeCloseTo(-Math.log(graph.values.length), 13);
  });

  it('throws for a graph without a positive edge between two points', () => {
    const empty: Graph = {
      n: 3,
      rowPtr: new Int32Array(4),
      cols: new Int32Array(0),
      values: new Float32Array(0),
    };
    expect(() => tsneAffinities(empty)).toThrow(/edge/);
  });
});
