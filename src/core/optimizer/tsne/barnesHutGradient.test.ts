import { describe, expect, it } from 'vitest';
import { blobsProblem, gaussianLayout, relativeError } from './testing';
import { tsneGradient } from './tsneGradient';
import { createTsneOptimizer } from './tsneOptimizer';

describe('Barnes–Hut repulsion against exact (5 blobs, n = 500, 15-NN fuzzy graph)', () => {
  const { graph } = blobsProblem(500, 5);
  // A spread-out random layout (t-SNE's scale after early exaggeration) and a converged t-SNE layout.
  const random = Float32Array.from(gaussianLayout(500, 5, 2));
  const optimizer = createTsneOptimizer({ graph, layout: random, nEpochs: 300, exaggeration: 1, seed: 0 });
  optimizer.step(300);
  const converged = optimizer.embedding;

  it('gradient error < 1e-2 at θ = 0.5, smaller at θ = 0.2; Z within 1e-3', () => {
    const exact = tsneGradient(graph, random, 1, 'exact');
    const errors = [0.5, 0.2].map((theta) => {
      const bh = tsneGradient(graph, random, 1, 'barnes-hut', theta);
      expect(Math.abs(bh.z / exact.z - 1)).toBeLessThan(1e-3);
      expect(Math.abs(bh.kl.total - exact.kl.total)).toBeLessThan(1e-3);
      return relativeError(bh.gradient, exact.gradient);
    });
    expect(errors[0]).toBeLessThan(1e-2);
    expect(errors[1]).toBeLessThan(errors[0] / 10);
  });

  it('on a converged layout: the repulsive gradient ∇ log Z (ρ = 0) within 1e-2 at θ = 0.5, Z within 1e-3', () => {
    // At convergence attraction and repulsion cancel, so the total gradient is no yardstick: compare
    // the repulsion alone, ∂ log Z/∂y = −(4/Z) Σ_j w_ij² (y_i − y_j).
    const exact = tsneGradient(graph, converged, 0, 'exact');
    const errors = [0.5, 0.2].map((theta) => {
      const bh = tsneGradient(graph, converged, 0, 'barnes-hut', theta);
      expect(Math.abs(bh.z / exact.z - 1)).toBeLessThan(1e-3);
      return relativeError(bh.gradient, exact.gradient);
    });
    expect(errors[0]).toBeLessThan(1e-2);
    expect(errors[1]).toBeLessThan(errors[0] / 10);
  });

  it('handles coincident points (a leaf at the tree’s depth limit) like exact', () => {
    const layout = Float32Array.from(random);
    for (let i = 1; i < 40; i++) {
      layout[2 * i] = layout[0];
      layout[2 * i + 1] = layout[1];
    }
    const exact = tsneGradient(graph, layout, 1, 'exact');
    const bh = tsneGradient(graph, layout, 1, 'barnes-hut', 0.5);
    expect(bh.gradient.every(Number.isFinite)).toBe(true);
    expect(relativeError(bh.gradient, exact.gradient)).toBeLessThan(1e-2);
    expect(Math.abs(bh.z / exact.z - 1)).toBeLessThan(1e-3);
  });
});
