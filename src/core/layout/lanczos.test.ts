import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { uniformSquare } from '../data/datasets';
import { fuzzySimplicialSet } from '../graph/fuzzy';
import { degrees } from '../graph/similarities';
import { nearestNeighbors } from '../neighbors/knn';
import type { Graph } from '../types';
import { largestEigenpairs } from './lanczos';
import { symmetricEigen } from './symmetricEigen';
import type { SymmetricOperator } from './symmetricOperator';

/**
 * Reference: textbook cyclic Jacobi on a dense symmetric matrix (row-major, n×n), written
 * independently of symmetricEigen.ts. Returns eigenvalues ascending and eigenvectors as rows.
 */
function jacobiReference(input: Float64Array, n: number): { values: number[]; vectors: Float64Array[] } {
  const a = Float64Array.from(input);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) off += a[i * n + j] ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p * n + q]) < 1e-300) continue;
        // Angle φ with tan 2φ = 2a_pq/(a_qq − a_pp) zeroes a_pq.
        const phi = 0.5 * Math.atan2(2 * a[p * n + q], a[q * n + q] - a[p * n + p]);
        const c = Math.cos(phi);
        const s = Math.sin(phi);
        for (let k = 0; k < n; k++) {
          const kp = a[k * n + p];
          const kq = a[k * n + q];
          a[k * n + p] = c * kp - s * kq;
          a[k * n + q] = s * kp + c * kq;
        }
        for (let k = 0; k < n; k++) {
          const pk = a[p * n + k];
          const qk = a[q * n + k];
          a[p * n + k] = c * pk - s * qk;
          a[q * n + k] = s * pk + c * qk;
        }
        for (let k = 0; k < n; k++) {
          const kp = v[k * n + p];
          const kq = v[k * n + q];
          v[k * n + p] = c * kp - s * kq;
          v[k * n + q] = s * kp + c * kq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[i * n + i] - a[j * n + j]);
  return {
    values: order.map((i) => a[i * n + i]),
    vectors: order.map((i) => Float64Array.from({ length: n }, (_, k) => v[k * n + i])),
  };
}

/** Dense normalised Laplacian L = I − D^{−1/2}·W·D^{−1/2}. */
function denseLaplacian(g: Graph): Float64Array {
  const d = degrees(g);
  const l = new Float64Array(g.n * g.n);
  for (let i = 0; i < g.n; i++) {
    l[i * g.n + i] += 1;
    for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) {
      l[i * g.n + g.cols[p]] -= g.values[p] / Math.sqrt(d[i] * d[g.cols[p]]);
    }
  }
  return l;
}

/** A = (I + M)/2 = I − L/2 as a matrix-free operator, and the unit trivial vector √deg. */
function shiftedOperator(g: Graph): { op: SymmetricOperator; trivial: Float64Array } {
  const d = degrees(g);
  const total = d.reduce((sum, x) => sum + x, 0);
  const trivial = Float64Array.from(d, (x) => Math.sqrt(x / total));
  const op = {
    n: g.n,
    apply(x: Float64Array, y: Float64Array): void {
      for (let i = 0; i < g.n; i++) {
        let sum = 0;
        for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++)
          sum += (g.values[p] * x[g.cols[p]]) / Math.sqrt(d[g.cols[p]]);
        y[i] = 0.5 * (x[i] + sum / Math.sqrt(d[i]));
      }
    },
  };
  return { op, trivial };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
}

/** ‖L·v − λ·v‖ with the dense L. */
function denseResidual(l: Float64Array, n: number, v: Float64Array, lambda: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let lv = 0;
    for (let j = 0; j < n; j++) lv += l[i * n + j] * v[j];
    sum += (lv - lambda * v[i]) ** 2;
  }
  return Math.sqrt(sum);
}

// A 2-D kNN graph small enough for dense references, large enough for the Krylov path (n > 64).
const graph = fuzzySimplicialSet(nearestNeighbors(uniformSquare({ n: 160, seed: 1 }), 8));
const laplacian = denseLaplacian(graph);
const reference = jacobiReference(laplacian, graph.n);

describe('symmetricEigen', () => {
  it('gives the closed-form spectrum of the tridiagonal Toeplitz matrix tridiag(1, 2, 1)', () => {
    const m = 12;
    const matrix = new Float64Array(m * m);
    for (let i = 0; i < m; i++) {
      matrix[i * m + i] = 2;
      if (i + 1 < m) {
        matrix[i * m + i + 1] = 1;
        matrix[(i + 1) * m + i] = 1;
      }
    }
    const { values, vectors } = symmetricEigen(matrix, m);
    for (let k = 1; k <= m; k++) {
      // Descending: value k−1 is 2 + 2cos(kπ/(m+1)), vector ∝ sin(jkπ/(m+1)).
      expect(values[k - 1]).toBeCloseTo(2 + 2 * Math.cos((k * Math.PI) / (m + 1)), 13);
      const expected = Float64Array.from({ length: m }, (_, j) =>
        Math.sin(((j + 1) * k * Math.PI) / (m + 1)),
      );
      const column = Float64Array.from({ length: m }, (_, r) => vectors[r * m + k - 1]);
      expect(Math.abs(dot(column, expected)) / Math.sqrt(dot(expected, expected))).toBeCloseTo(1, 12);
    }
  });
});

describe('largestEigenpairs on a normalised graph Laplacian', () => {
  const { op, trivial } = shiftedOperator(graph);

  it('has the smallest eigenvalue 0 with eigenvector √deg (the deflated one)', () => {
    expect(Math.abs(reference.values[0])).toBeLessThan(1e-12);
    expect(Math.abs(dot(reference.vectors[0], trivial))).toBeCloseTo(1, 10);
  });

  for (const basisSize of [undefined, 12]) {
    it(`matches the dense Jacobi reference (basis ${basisSize ?? 'default'})`, () => {
      const result = largestEigenpairs(op, {
        count: 3,
        seed: 7,
        tolerance: 1e-10,
        deflation: trivial,
        basisSize,
      });
      expect(result.converged).toBe(true);
      if (basisSize) expect(result.restarts).toBeGreaterThan(0);
      for (let c = 0; c < 3; c++) {
        // θ = 1 − λ/2 for the eigenvalue λ_{c+1} of L.
        const lambda = 2 - 2 * result.values[c];
        expect(Math.abs(lambda - reference.values[c + 1])).toBeLessThan(1e-12);
        const vector = result.vectors.subarray(c * graph.n, (c + 1) * graph.n);
        expect(Math.abs(dot(vector, reference.vectors[c + 1]))).toBeGreaterThan(1 - 1e-9);
        expect(Math.abs(dot(vector, trivial))).toBeLessThan(1e-12);
        expect(denseResidual(laplacian, graph.n, vector, lambda)).toBeLessThan(2e-10);
        expect(result.residuals[c]).toBeLessThan(1e-10);
      }
    });
  }

  it('stops at the tolerance and reports residuals that hold', () => {
    const result = largestEigenpairs(op, { count: 2, seed: 1, tolerance: 1e-4, deflation: trivial });
    expect(result.converged).toBe(true);
    for (let c = 0; c < 2; c++) {
      const vector = result.vectors.subarray(c * graph.n, (c + 1) * graph.n);
      const lambda = 2 - 2 * result.values[c];
      // L = 2(I − A): the residual of L is twice the reported residual of A.
      expect(denseResidual(laplacian, graph.n, vector, lambda)).toBeCloseTo(2 * result.residuals[c], 12);
      expect(result.residuals[c]).toBeLessThanOrEqual(1e-4);
    }
  });

  it('is deterministic for a seed', () => {
    const a = largestEigenpairs(op, { count: 2, seed: 3, tolerance: 1e-6, deflation: trivial });
    const b = largestEigenpairs(op, { count: 2, seed: 3, tolerance: 1e-6, deflation: trivial });
    expect(b.vectors).toEqual(a.vectors);
    expect(b.matVecs).toBe(a.matVecs);
  });

  it('reports non-convergence when the product budget runs out', () => {
    const result = largestEigenpairs(op, {
      count: 2,
      seed: 3,
      tolerance: 1e-12,
      deflation: trivial,
      maxMatVecs: 10,
    });
    expect(result.converged).toBe(false);
    expect(Math.max(...result.residuals)).toBeGreaterThan(1e-12);
  });

  it('cancels when the progress callback returns false', () => {
    const cancel = () => largestEigenpairs(op, { count: 2, seed: 3, basisSize: 10, onProgress: () => false });
    expect(cancel).toThrow(CancelledError);
  });
});

describe('largestEigenpairs on an exactly degenerate spectrum', () => {
  // The cycle C_n: M = (shift + shift⁻¹)/2 has eigenvalues cos(2πk/n), each double for 0 < k < n/2.
  const n = 300;
  const op: SymmetricOperator = {
    n,
    apply(x, y) {
      for (let i = 0; i < n; i++) y[i] = 0.5 * x[i] + 0.25 * (x[(i + 1) % n] + x[(i + n - 1) % n]);
    },
  };
  const trivial = new Float64Array(n).fill(1 / Math.sqrt(n));

  it('returns both vectors of the double eigenvalue, and the next pair', () => {
    const result = largestEigenpairs(op, {
      count: 4,
      seed: 5,
      tolerance: 1e-9,
      deflation: trivial,
      blockSize: 2,
    });
    expect(result.converged).toBe(true);
    const first = (1 + Math.cos((2 * Math.PI) / n)) / 2;
    const second = (1 + Math.cos((4 * Math.PI) / n)) / 2;
    expect(result.values[0]).toBeCloseTo(first, 12);
    expect(result.values[1]).toBeCloseTo(first, 12);
    expect(result.values[2]).toBeCloseTo(second, 12);
    expect(result.values[3]).toBeCloseTo(second, 12);
    // The pair spans the cos/sin plane: its two vectors are orthonormal.
    const v0 = result.vectors.subarray(0, n);
    const v1 = result.vectors.subarray(n, 2 * n);
    expect(Math.abs(dot(v0, v1))).toBeLessThan(1e-10);
  });
});
