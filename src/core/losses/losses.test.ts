import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { degrees, denseKernelGraph, fuzzySimplicialSet, pruneGraph } from '../graph/fuzzy';
import { findAbParams, similarity } from '../kernel';
import { nearestNeighbors } from '../neighbors/knn';
import { createRng } from '../random';
import { readReferenceLayout, referenceJson } from '../testing/reference';
import type { Graph, LossParts } from '../types';
import { effectiveLoss, evaluateLosses, evaluateLossesOnGraph, type Layout, purportedLoss } from './losses';
import type { LossLog } from './lossLog';
import { paperLog } from './paperLog';

const reference = referenceJson();
const readLayout = readReferenceLayout;

const relative = (value: number, expected: number): number =>
  Math.abs(value - expected) / Math.max(Math.abs(expected), 1e-300);

/** Worst relative error of [attractive, repulsive, total] against a reference triple. */
function partsError(parts: LossParts, expected: [number, number, number]): number {
  const { attractive, repulsive, total } = parts;
  // The reference writes a zero repulsion as −0.0; compare it absolutely.
  if (expected[1] === 0) expect(Math.abs(repulsive)).toBeLessThan(1e-9);
  return Math.max(
    relative(attractive, expected[0]),
    expected[1] === 0 ? 0 : relative(repulsive, expected[1]),
    relative(total, expected[2]),
  );
}

/**
 * The losses written out as the sums they are (eq. 6, eq. 12, docs/algorithm.md §3.4): every ordered
 * pair, a dense μ, ν from a callback. Independent of the row-sum and table tricks of losses.ts.
 */
function bruteForce(
  g: Graph,
  nu: (i: number, j: number) => number,
  {
    m,
    eps = 1e-4,
    diagonal = true,
    log = 'paper',
  }: { m: number; eps?: number; diagonal?: boolean; log?: LossLog },
): { purported: LossParts; effective: LossParts } {
  const { n } = g;
  const mu = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) mu[i * n + g.cols[p]] = g.values[p];
  }
  const d = degrees(g);
  const safeLog = (x: number): number => (log === 'paper' ? paperLog(x, eps) : Math.log(Math.max(x, eps)));
  // The same log of 1 − ν, but without forming 1 − ν + ε, which keeps only ~4 digits of a far pair's
  // term when ε = 1e-12: log(min(1 − ν + ε, 1)) = log1p(ε − ν) for ν > ε.
  const safeLogOneMinus = (v: number): number =>
    log === 'paper' ? (v > eps ? Math.log1p(eps - v) : 0) : 1 - v > eps ? Math.log1p(-v) : Math.log(eps);
  let attractive = 0;
  let purported = 0;
  let effective = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j && !diagonal) continue;
      const v = nu(i, j);
      attractive -= mu[i * n + j] * safeLog(v);
      purported -= (1 - mu[i * n + j]) * safeLogOneMinus(v);
      effective -= ((m * (d[i] + d[j])) / (2 * n)) * safeLogOneMinus(v);
    }
  }
  return {
    purported: { attractive, repulsive: purported, total: attractive + purported },
    effective: { attractive, repulsive: effective, total: attractive + effective },
  };
}

function layoutSimilarity(layout: Float32Array, a: number, b: number) {
  return (i: number, j: number): number => {
    if (i === j) return 1;
    const dx = layout[2 * i] - layout[2 * j];
    const dy = layout[2 * i + 1] - layout[2 * j + 1];
    return similarity(dx * dx + dy * dy, a, b);
  };
}

function expectPartsClose(actual: LossParts, expected: LossParts, tolerance: number): void {
  expect(relative(actual.attractive, expected.attractive)).toBeLessThan(tolerance);
  expect(relative(actual.repulsive, expected.repulsive)).toBeLessThan(tolerance);
  expect(relative(actual.total, expected.total)).toBeLessThan(tolerance);
}

/**
 * 300 points whose pair distances span 1e-5 … 1e4, with a few exact duplicates (d = 0): every
 * branch of the pair loop (table, below it, beyond the cut) is exercised.
 */
function wideLayout(): Float32Array {
  const rng = createRng(11);
  const n = 300;
  const layout = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const radius = 10 ** (-5 + 9 * rng.next());
    const angle = 2 * Math.PI * rng.next();
    layout[2 * i] = radius * Math.cos(angle);
    layout[2 * i + 1] = radius * Math.sin(angle);
  }
  for (let i = 0; i < 10; i++) {
    layout[2 * (n - 1 - i)] = layout[2 * i];
    layout[2 * (n - 1 - i) + 1] = layout[2 * i + 1];
  }
  return layout;
}

describe('evaluateLosses against the sums written out', () => {
  const layout = wideLayout();
  const ds = { name: 'wide', n: layout.length / 2, dim: 2, points: layout };
  const knnGraph = fuzzySimplicialSet(nearestNeighbors(ds, 10));
  const settings: { a: number; b: number; eps: number; log: LossLog; diagonal: boolean }[] = [
    { a: 1.5769, b: 0.8951, eps: 1e-4, log: 'paper', diagonal: true },
    { a: 1.5769, b: 0.8951, eps: 1e-4, log: 'paper', diagonal: false },
    { a: 1.5769, b: 0.8951, eps: 1e-4, log: 'clamped', diagonal: false },
    { a: 1.5769, b: 0.8951, eps: 1e-12, log: 'paper', diagonal: true },
    { a: 1.5769, b: 0.8951, eps: 1e-2, log: 'clamped', diagonal: true },
    { a: 1, b: 1, eps: 1e-4, log: 'paper', diagonal: true },
    { a: 0.1, b: 1.9, eps: 1e-6, log: 'paper', diagonal: true },
    { a: 12, b: 0.6, eps: 1e-3, log: 'clamped', diagonal: true },
  ];

  it.each(settings)('agrees to 1e-9 on a kNN graph: %o', (s) => {
    const expected = bruteForce(knnGraph, layoutSimilarity(layout, s.a, s.b), { m: 5, ...s });
    const actual = evaluateLosses(knnGraph, layout, { m: 5, ...s });
    expectPartsClose(actual.purported, expected.purported, 1e-9);
    expectPartsClose(actual.effective, expected.effective, 1e-9);
  });

  it('agrees on a dense graph with stored self-loops, with and without the diagonal', () => {
    const small = { ...ds, n: 120, points: layout.slice(0, 240) };
    const { a, b } = findAbParams(1, 0.1);
    const dense = denseKernelGraph(small, a, b);
    for (const diagonal of [true, false]) {
      const expected = bruteForce(dense, layoutSimilarity(small.points, a, b), { m: 5, diagonal });
      const actual = evaluateLosses(dense, small.points, { a, b, m: 5, diagonal });
      expectPartsClose(actual.purported, expected.purported, 1e-9);
      expectPartsClose(actual.effective, expected.effective, 1e-9);
      const diverged = bruteForce(dense, (i, j) => (i === j ? 1 : 0), { m: 5, diagonal });
      const actualDiverged = evaluateLosses(dense, 'diverged', { a, b, m: 5, diagonal });
      expectPartsClose(actualDiverged.purported, diverged.purported, 1e-12);
      expectPartsClose(actualDiverged.effective, diverged.effective, 1e-12);
    }
  });

  it('purportedLoss and effectiveLoss are the two halves of evaluateLosses', () => {
    const o = { a: 1.5769, b: 0.8951, m: 5 };
    const both = evaluateLosses(knnGraph, layout, o);
    expect(purportedLoss(knnGraph, layout, o)).toEqual(both.purported);
    expect(effectiveLoss(knnGraph, layout, o)).toEqual(both.effective);
    // m scales the effective repulsion and nothing else (eq. 12).
    const doubled = effectiveLoss(knnGraph, layout, { ...o, m: 10 });
    expect(doubled.attractive).toBe(both.effective.attractive);
    expect(relative(doubled.repulsive, 2 * both.effective.repulsive)).toBeLessThan(1e-14);
  });

  it('rejects a layout of the wrong size', () => {
    expect(() => evaluateLosses(knnGraph, new Float32Array(10), { a: 1, b: 1, m: 5 })).toThrow(
      /expected 300×2/,
    );
  });
});

describe('diverged layout (ν = identity) in closed form', () => {
  // Three points, μ_01 = μ_10 = 0.5, μ_12 = μ_21 = 1.
  const g: Graph = {
    n: 3,
    rowPtr: Int32Array.from([0, 1, 3, 4]),
    cols: Int32Array.from([1, 0, 2, 1]),
    values: Float32Array.from([0.5, 0.5, 1, 1]),
  };
  const logEps = Math.log(1e-4);

  it('gives −log ε·(Σ_{i≠j} μ + n) purported and −log ε·Σμ·(1 + m/n) effective', () => {
    const { purported, effective } = evaluateLosses(g, 'diverged', { a: 1, b: 1, m: 6 });
    expect(purported.attractive).toBeCloseTo(-logEps * 3, 10);
    expect(purported.repulsive).toBeCloseTo(-logEps * 3, 10); // the n diagonal pairs
    expect(effective.attractive).toBe(purported.attractive);
    // Σ_i m·d_i/n·(−log ε) with d = (0.5, 1.5, 1).
    expect(effective.repulsive).toBeCloseTo(-logEps * (6 / 3) * 3, 10);
    const offDiagonal = evaluateLosses(g, 'diverged', { a: 1, b: 1, m: 6, diagonal: false });
    expect(Math.abs(offDiagonal.purported.repulsive)).toBe(0);
    expect(Math.abs(offDiagonal.effective.repulsive)).toBe(0);
  });

  it('matches umap_learn_reference.json’s ε sweep on the seed-3 ring', () => {
    const graph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(paperRing({ seed: 3 }), 15)), 500);
    const sweep = reference.ring_seed3.eps_sweep_diverged_500_epochs;
    const entries = Object.entries(sweep).filter(([key]) => Number.isFinite(Number(key)));
    expect(entries).toHaveLength(7);
    for (const [key, entry] of entries as [string, Record<string, number>][]) {
      const eps = Number(key);
      const o = { a: 1, b: 1, eps };
      expect(
        relative(purportedLoss(graph, 'diverged', o).total, entry['with_diagonal_(paper_code)']),
      ).toBeLessThan(1e-6);
      const brief = purportedLoss(graph, 'diverged', { ...o, diagonal: false }).total;
      expect(relative(brief, entry['i!=j_only'])).toBeLessThan(1e-6);
    }
  });
});

describe('the seed-3 ring against umap_learn_reference.json', () => {
  const ring = paperRing({ seed: 3 });
  const fullGraph = fuzzySimplicialSet(nearestNeighbors(ring, 15));
  const { a, b } = findAbParams(1, 0.1);
  const conventions = {
    paper: {},
    // The reference's "brief" numbers use i ≠ j and log(max(x, ε)), not the paper log.
    brief: { diagonal: false, log: 'clamped' as const },
  };
  const cases = [
    ['losses_500_epochs_eps1e-4', 500, 'ring_seed3_umap_500ep.csv'],
    ['losses_10000_epochs_eps1e-4', 10000, 'ring_seed3_umap_10000ep.csv'],
  ] as const;

  it.each(cases)('%s: every layout, loss and convention within 1e-6', (key, nEpochs, resultFile) => {
    const expected = reference.ring_seed3[key];
    const graph = pruneGraph(fullGraph, nEpochs);
    const layouts: Record<string, Layout> = {
      diverged_identity: 'diverged',
      umap_result: readLayout(resultFile),
      input_layout: ring.points,
    };
    let worst = 0;
    for (const [name, layout] of Object.entries(layouts)) {
      for (const [convention, options] of Object.entries(conventions)) {
        const losses = evaluateLosses(graph, layout, { a, b, m: 5, ...options });
        worst = Math.max(
          worst,
          partsError(losses.purported, expected[name][`purported_${convention}`]),
          partsError(losses.effective, expected[name][`effective_${convention}`]),
        );
      }
    }
    // Measured 5.2e-7 for both; our graph differs from umap-learn's by ≤ 5.6e-6 per μ.
    expect(worst).toBeLessThan(1e-6);
  });

  it('ν = μ on the stored pairs (ν = 0 elsewhere) matches the reference within 1e-6', () => {
    const graph = pruneGraph(fullGraph, 500);
    const expected = reference.ring_seed3['losses_500_epochs_eps1e-4'].nu_equals_mu;
    for (const [convention, options] of Object.entries(conventions)) {
      const losses = evaluateLossesOnGraph(graph, graph.values, { a, b, m: 5, ...options });
      // Measured ≤ 2.9e-7 (the reference summed in float32).
      expect(partsError(losses.purported, expected[`purported_${convention}`])).toBeLessThan(1e-6);
      expect(partsError(losses.effective, expected[`effective_${convention}`])).toBeLessThan(1e-6);
    }
  });
});

describe('Table 1, row 1 (docs/algorithm.md §3.5): paper rings of seeds 0–6, graph pruned at max/10 000', () => {
  const { a, b } = findAbParams(1, 0.1);
  const totals: number[][] = [];
  for (let seed = 0; seed <= 6; seed++) {
    const ring = paperRing({ seed });
    const graph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(ring, 15)), 10_000);
    const d = degrees(graph);
    const o = { a, b, m: 5, degrees: d };
    const diverged = evaluateLosses(graph, 'diverged', o);
    const input = evaluateLosses(graph, ring.points, o);
    const nuStar = new Float64Array(graph.values.length);
    for (let i = 0; i < graph.n; i++) {
      for (let p = graph.rowPtr[i]; p < graph.rowPtr[i + 1]; p++) {
        const mu = graph.values[p];
        nuStar[p] = mu / (mu + (5 * (d[i] + d[graph.cols[p]])) / (2 * graph.n));
      }
    }
    let muSum = 0;
    for (const mu of graph.values) muSum += mu;
    totals.push([
      diverged.purported.total,
      input.purported.total,
      evaluateLossesOnGraph(graph, graph.values, o).purported.total,
      diverged.effective.total,
      input.effective.total,
      evaluateLossesOnGraph(graph, nuStar, o).effective.total,
      // The §3.5 sanity check: loss(μ, I) = −log ε·(Σ_{i≠j} μ_ij + n).
      -Math.log(1e-4) * (muSum + graph.n),
    ]);
  }
  const mean = (k: number): number => totals.reduce((sum, row) => sum + row[k], 0) / totals.length;
  const std = (k: number): number =>
    Math.sqrt(totals.reduce((sum, row) => sum + (row[k] - mean(k)) ** 2, 0) / totals.length);

  it('reproduces the purported diverged and input-layout columns: 62959.035 ± 81.88, 136329.36 ± 720.90', () => {
    expect(mean(0)).toBeCloseTo(62959.035, 2);
    expect(std(0)).toBeCloseTo(81.88, 1);
    expect(mean(1)).toBeCloseTo(136329.36, 1);
    expect(std(1)).toBeCloseTo(720.9, 1);
    for (const row of totals) expect(relative(row[0], row[6])).toBeLessThan(1e-12);
  });

  it('reproduces the notebook’s other means: loss(μ, μ), effective at I, φ(x) and ν*', () => {
    expect(mean(2)).toBeCloseTo(6913.63, 1);
    expect(mean(3)).toBeCloseTo(54017.44, 1);
    expect(mean(4)).toBeCloseTo(4972.79, 1);
    expect(mean(5)).toBeCloseTo(1523.17, 1);
  });
});

describe('Table 1, row 2: dense μ = φ(x), diagonal kept (docs/algorithm.md §3.5)', () => {
  it('reproduces our recomputation 902949 ± 2777 (diverged) and 212010 ± 316 (input layout)', () => {
    const { a, b } = findAbParams(1, 0.1);
    const diverged: number[] = [];
    const input: number[] = [];
    for (let seed = 0; seed <= 6; seed++) {
      const ring = paperRing({ seed });
      const dense = denseKernelGraph(ring, a, b);
      diverged.push(purportedLoss(dense, 'diverged', { a, b }).total);
      input.push(purportedLoss(dense, ring.points, { a, b }).total);
    }
    const mean = (xs: number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
    const std = (xs: number[]): number => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));
    expect(relative(mean(diverged), 902949)).toBeLessThan(1e-6);
    expect(std(diverged)).toBeCloseTo(2777, -1);
    expect(relative(mean(input), 212010)).toBeLessThan(1e-5);
    expect(std(input)).toBeCloseTo(316, 0);
  });
});
