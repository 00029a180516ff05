import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { paperRing, paperRings, uniformSquare } from '../data/datasets';
import { UserError } from '../errors';
import { fuzzySimplicialSet } from '../graph/fuzzy';
import { nearestNeighbors } from '../neighbors/knn';
import { createGaussian, createRng } from '../random';
import { referenceJson } from '../testing/reference';
import type { Dataset, Graph } from '../types';
import { initialLayout, initialLayoutWithReport, randomLayout, rescaleToBox } from './init';

const reference = referenceJson();

const ring = paperRing({ seed: 3 });
const ringGraph = fuzzySimplicialSet(nearestNeighbors(ring, 15));

function axisRange(layout: Float32Array, axis: number): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = axis; i < layout.length; i += 2) {
    min = Math.min(min, layout[i]);
    max = Math.max(max, layout[i]);
  }
  return [min, max];
}

/** The mean point of an n×2 layout. */
function centroid(layout: Float32Array): [number, number] {
  const n = layout.length / 2;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += layout[2 * i] / n;
    cy += layout[2 * i + 1] / n;
  }
  return [cx, cy];
}

/** Distances of the points to their centroid. */
function radii(layout: Float32Array): Float64Array {
  const n = layout.length / 2;
  const [cx, cy] = centroid(layout);
  return Float64Array.from({ length: n }, (_, i) => Math.hypot(layout[2 * i] - cx, layout[2 * i + 1] - cy));
}

/** std/mean of the radii: the reference json's "width" of a ring. */
function width(layout: Float32Array): number {
  const r = radii(layout);
  const mean = r.reduce((s, x) => s + x, 0) / r.length;
  const variance = r.reduce((s, x) => s + (x - mean) ** 2, 0) / r.length;
  return Math.sqrt(variance) / mean;
}

/**
 * How well the layout's angle around its centroid follows the ring index, up to rotation and
 * reflection: the resultant length of e^{i(φ_i ∓ 2πi/n)}, 1 for a perfect match, ≈ 0 for none.
 */
function angularAgreement(layout: Float32Array): number {
  const n = layout.length / 2;
  const [cx, cy] = centroid(layout);
  let best = 0;
  for (const orientation of [1, -1]) {
    let re = 0;
    let im = 0;
    for (let i = 0; i < n; i++) {
      const difference =
        Math.atan2(layout[2 * i + 1] - cy, layout[2 * i] - cx) - (orientation * 2 * Math.PI * i) / n;
      re += Math.cos(difference) / n;
      im += Math.sin(difference) / n;
    }
    best = Math.max(best, Math.hypot(re, im));
  }
  return best;
}

describe('data init', () => {
  const layout = initialLayout('data', ring, ringGraph, 0);

  it('is the input min-max scaled to exactly [0, 10] per axis', () => {
    expect(axisRange(layout, 0)).toEqual([0, 10]);
    expect(axisRange(layout, 1)).toEqual([0, 10]);
    const [xMin, xMax] = axisRange(ring.points, 0);
    const [yMin, yMax] = axisRange(ring.points, 1);
    for (let i = 0; i < ring.n; i++) {
      expect(layout[2 * i]).toBeCloseTo((10 * (ring.points[2 * i] - xMin)) / (xMax - xMin), 5);
      expect(layout[2 * i + 1]).toBeCloseTo((10 * (ring.points[2 * i + 1] - yMin)) / (yMax - yMin), 5);
    }
  });

  it('has umap-learn’s ring width after rescaling', () => {
    const expected = reference.ring_seed3.ring_init_rescaled_0_10.width;
    expect(Math.abs(width(layout) - expected) / expected).toBeLessThan(1e-5);
  });

  it('refuses data that is not 2-D, with a message saying what to do', () => {
    const wide: Dataset = { name: 'digits', n: 3, dim: 784, points: new Float32Array(3 * 784) };
    const graph: Graph = {
      n: 3,
      rowPtr: new Int32Array(4),
      cols: new Int32Array(0),
      values: new Float32Array(0),
    };
    expect(() => initialLayout('data', wide, graph, 0)).toThrow(UserError);
    expect(() => initialLayout('data', wide, graph, 0)).toThrow(
      'data init needs 2-D data; this dataset has 784 dimensions — use spectral or random',
    );
  });

  it('jitters duplicated points by 0.001 × the mean nearest-neighbour distance', () => {
    const square = uniformSquare({ n: 400, seed: 2 });
    const points = Float32Array.from(square.points);
    // Rows 1..20 repeat row 0.
    for (let i = 1; i <= 20; i++) points.set(points.subarray(0, 2), 2 * i);
    const ds: Dataset = { name: 'duplicates', n: square.n, dim: 2, points };
    const graph = fuzzySimplicialSet(nearestNeighbors(ds, 15));
    const report = initialLayoutWithReport('data', ds, graph, 4);
    expect(report.message).toMatch(/^20 duplicated points were jittered/);
    const plain = rescaleToBox(points, 10);
    let largestShift = 0;
    const keys = new Set<string>();
    for (let i = 0; i < ds.n; i++) {
      keys.add(`${report.layout[2 * i]},${report.layout[2 * i + 1]}`);
      for (let d = 0; d < 2; d++) {
        largestShift = Math.max(largestShift, Math.abs(report.layout[2 * i + d] - plain[2 * i + d]));
      }
    }
    expect(keys.size).toBe(ds.n);
    // Mean neighbour distance in the unit square is ~0.025 (×10 in the box), so the jitter sd is
    // ~2.5e-4 in box units; 5 sd over 800 coordinates is plenty.
    expect(largestShift).toBeGreaterThan(0);
    expect(largestShift).toBeLessThan(2e-3);
  });

  it('leaves data without duplicates untouched (no noise)', () => {
    expect(initialLayoutWithReport('data', ring, ringGraph, 0).message).toBeUndefined();
    expect(initialLayout('data', ring, ringGraph, 1)).toEqual(layout);
  });
});

describe('random init', () => {
  it('draws uniformly in [−10, 10], deterministically per seed', () => {
    const raw = randomLayout(20000, 5);
    expect(randomLayout(20000, 5)).toEqual(raw);
    expect(randomLayout(20000, 6)).not.toEqual(raw);
    const mean = raw.reduce((s, x) => s + x, 0) / raw.length;
    const variance = raw.reduce((s, x) => s + x * x, 0) / raw.length - mean * mean;
    expect(Math.min(...raw)).toBeGreaterThanOrEqual(-10);
    expect(Math.max(...raw)).toBeLessThan(10);
    // Uniform on [−10, 10]: mean 0, sd 20/√12 ≈ 5.774; standard errors ~0.03 and ~0.02.
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(Math.sqrt(variance)).toBeCloseTo(20 / Math.sqrt(12), 1);
  });

  it('is then scaled to exactly [0, 10] per axis', () => {
    const layout = initialLayout('random', ring, ringGraph, 3);
    expect(axisRange(layout, 0)).toEqual([0, 10]);
    expect(axisRange(layout, 1)).toEqual([0, 10]);
    expect(layout).toEqual(rescaleToBox(randomLayout(ring.n, 3), 10));
  });
});

describe('rescaleToBox', () => {
  it('maps each axis affinely onto [0, size] and a constant axis to its middle', () => {
    const layout = Float32Array.from([1, 7, 3, 7, 2, 7]);
    expect(Array.from(rescaleToBox(layout, 10))).toEqual([0, 5, 10, 5, 5, 5]);
    const unit = rescaleToBox(Float32Array.from([-1, 0, 4, 2, 0, 1]), 1);
    expect(Array.from(unit)).toEqual([0, 0, 1, 1, Math.fround(0.2), 0.5]);
  });
});

describe('spectral init', () => {
  const report = initialLayoutWithReport('spectral', ring, ringGraph, 0);

  it('lays the ring out as a circle, in ring order', () => {
    expect(report.kind).toBe('spectral');
    expect(report.fellBack).toBe(false);
    expect(report.components).toBe(1);
    expect(axisRange(report.layout, 0)).toEqual([0, 10]);
    expect(axisRange(report.layout, 1)).toEqual([0, 10]);
    // Measured: width 0.070, angular agreement 0.997 (the data init: 0.998, a random layout: 0.02).
    expect(width(report.layout)).toBeLessThan(0.1);
    expect(angularAgreement(report.layout)).toBeGreaterThan(0.95);
    expect(angularAgreement(initialLayout('random', ring, ringGraph, 0))).toBeLessThan(0.1);
  });

  it('reports the eigenpairs it used', () => {
    const [lambda1, lambda2] = report.eigenvalues ?? [];
    expect(lambda1).toBeCloseTo(5.8108e-4, 6);
    expect(lambda2).toBeCloseTo(6.108e-4, 6);
    for (const residual of report.residuals ?? [1]) expect(residual).toBeLessThan(1e-4);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(initialLayout('spectral', ring, ringGraph, 0)).toEqual(report.layout);
    expect(initialLayout('spectral', ring, ringGraph, 1)).not.toEqual(report.layout);
  });

  it('falls back to the random init, and says so, when the solver does not converge', () => {
    const failed = initialLayoutWithReport('spectral', ring, ringGraph, 2, { maxMatVecs: 20 });
    expect(failed.fellBack).toBe(true);
    expect(failed.kind).toBe('random');
    expect(failed.message).toMatch(/did not converge .* used the random initialisation instead$/);
    expect(failed.layout).toEqual(initialLayout('random', ring, ringGraph, 2));
  });

  it('can be cancelled through the progress callback', () => {
    const run = () => initialLayoutWithReport('spectral', ring, ringGraph, 0, { onProgress: () => false });
    expect(run).toThrow(CancelledError);
  });
});

/** Bounding box [xMin, xMax, yMin, yMax] of each labelled group of points. */
function groupBoxes(layout: Float32Array, labels: Int32Array, groups: number): Float64Array {
  const boxes = new Float64Array(groups * 4);
  for (let g = 0; g < groups; g++) boxes.set([Infinity, -Infinity, Infinity, -Infinity], g * 4);
  for (let i = 0; i < labels.length; i++) {
    const g = labels[i] * 4;
    boxes[g] = Math.min(boxes[g], layout[2 * i]);
    boxes[g + 1] = Math.max(boxes[g + 1], layout[2 * i]);
    boxes[g + 2] = Math.min(boxes[g + 2], layout[2 * i + 1]);
    boxes[g + 3] = Math.max(boxes[g + 3], layout[2 * i + 1]);
  }
  return boxes;
}

function boxesOverlap(boxes: Float64Array, a: number, b: number): boolean {
  const separateX = boxes[a * 4 + 1] < boxes[b * 4] || boxes[b * 4 + 1] < boxes[a * 4];
  const separateY = boxes[a * 4 + 3] < boxes[b * 4 + 2] || boxes[b * 4 + 3] < boxes[a * 4 + 2];
  return !(separateX || separateY);
}

describe('spectral init of a graph with several components', () => {
  it('puts two disjoint blobs apart (corners e₁, e₂)', () => {
    // Two Gaussian clouds 100 apart.
    const gaussian = createGaussian(createRng(8));
    const points = Float32Array.from({ length: 1200 }, gaussian);
    const labels = new Int32Array(600);
    for (let i = 300; i < 600; i++) {
      points[2 * i] += 100;
      labels[i] = 1;
    }
    const ds: Dataset = { name: 'two blobs', n: 600, dim: 2, points, labels };
    const graph = fuzzySimplicialSet(nearestNeighbors(ds, 15));
    const report = initialLayoutWithReport('spectral', ds, graph, 0);
    expect(report.components).toBe(2);
    expect(report.fellBack).toBe(false);
    expect(report.message).toMatch(/^2 connected components/);
    // umap-learn scales each component to max |coordinate| = half the distance √2 between e₁ and e₂,
    // so the corners of the two boxes overlap; the point clouds themselves stay apart.
    let gap = Number.POSITIVE_INFINITY;
    const centroids = [0, 0, 0, 0];
    for (let i = 0; i < 600; i++) {
      centroids[labels[i] * 2] += report.layout[2 * i] / 300;
      centroids[labels[i] * 2 + 1] += report.layout[2 * i + 1] / 300;
      if (labels[i] !== 0) continue;
      for (let j = 300; j < 600; j++) {
        const distance = Math.hypot(
          report.layout[2 * i] - report.layout[2 * j],
          report.layout[2 * i + 1] - report.layout[2 * j + 1],
        );
        gap = Math.min(gap, distance);
      }
    }
    // Measured 0.56 in the [0, 10]² box (the mean nearest-neighbour distance inside a cloud is 0.11).
    expect(gap).toBeGreaterThan(0.3);
    // Component 0 sits at e₁ = (1, 0), component 1 at e₂ = (0, 1).
    expect(centroids[0]).toBeGreaterThan(centroids[2] + 3);
    expect(centroids[3]).toBeGreaterThan(centroids[1] + 3);
  });

  it('places many components along a spectral layout of their centroids, without overlap', () => {
    const rings = paperRings({ count: 6, n: 150 });
    const graph = fuzzySimplicialSet(nearestNeighbors(rings, 15));
    const report = initialLayoutWithReport('spectral', rings, graph, 0);
    expect(report.components).toBe(6);
    expect(report.message).toBe('6 connected components laid out side by side');
    const labels = rings.labels as Int32Array;
    const boxes = groupBoxes(report.layout, labels, 6);
    for (let a = 0; a < 6; a++) for (let b = a + 1; b < 6; b++) expect(boxesOverlap(boxes, a, b)).toBe(false);
    // The rings lie on a line, so their centroid graph is a path: neighbours in the line are
    // neighbours in the layout.
    const centres = Array.from({ length: 6 }, (_, g) => [
      (boxes[g * 4] + boxes[g * 4 + 1]) / 2,
      (boxes[g * 4 + 2] + boxes[g * 4 + 3]) / 2,
    ]);
    for (let g = 0; g < 6; g++) {
      const distances = centres.map((c, h) =>
        h === g ? Infinity : Math.hypot(c[0] - centres[g][0], c[1] - centres[g][1]),
      );
      const nearest = distances.indexOf(Math.min(...distances));
      expect(Math.abs(nearest - g)).toBe(1);
    }
  });
});
