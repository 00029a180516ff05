/**
 * The contrastive losses' closed forms (ICLR 2023): the spectrum's constants, NEG's and InfoNCE's
 * gradients against finite differences of their losses, UMAP as NEG with the 1/d² kernel, and the
 * optimizer running them on both backends.
 */
import { describe, expect, it } from 'vitest';
import { problemOptions } from '../../testing/ringProblem';
import { paperRingProblem } from '../../testing/ringRuns';
import { createOptimizer } from '../createOptimizer';
import { attractiveCoefficient, repulsiveCoefficient } from '../gradients';
import { checkOptions } from '../validateOptions';
import { createWasmOptimizer } from '../wasmOptimizer';
import { createInfoNceUpdate } from './infoNceUpdate';
import {
  negAttractiveCoefficient,
  negAttractiveLoss,
  negEstimator,
  negRepulsiveCoefficient,
  negRepulsiveLoss,
  negScaleDerivative,
} from './negTerms';
import { createObjectiveState, type Objective } from './objective';
import { infoNceTemperature, negEstimatorScale, spectrumNormalization } from './spectrum';

/** −∂f/∂e_i of f(e_i) by central differences, for a function of e_i's two coordinates. */
function negativeGradient(f: (x: number, y: number) => number, x: number, y: number): [number, number] {
  const h = 1e-6;
  return [-(f(x + h, y) - f(x - h, y)) / (2 * h), -(f(x, y + h) - f(x, y - h)) / (2 * h)];
}

const squared = (x: number, y: number, xj: number, yj: number) => (x - xj) ** 2 + (y - yj) ** 2;

describe('the spectrum (ICLR 2023, §5; contrastive-ne s)', () => {
  it('Z̄ runs geometrically from 100·n at s = 0 to n²/5 at s = 1', () => {
    const n = 10_000;
    expect(spectrumNormalization(0, n)).toBeCloseTo(100 * n, 6);
    expect(spectrumNormalization(1, n) / ((n * n) / 5)).toBeCloseTo(1, 12);
    const middle = spectrumNormalization(0.5, n);
    expect(middle / Math.sqrt(100 * n * ((n * n) / 5))).toBeCloseTo(1, 12);
  });

  it("c = m·Z̄/n² is 1 at UMAP's end with m = 5, and InfoNCE's τ is 1 at s = 0, 4 at s = 1", () => {
    const n = 3000;
    expect(negEstimatorScale(5, spectrumNormalization(1, n), n)).toBeCloseTo(1, 12);
    expect(negEstimatorScale(5, spectrumNormalization(0, n), n)).toBeCloseTo(500 / n, 12);
    expect(infoNceTemperature(0)).toBe(1);
    expect(infoNceTemperature(1)).toBe(4);
  });

  it('the early phase runs the first third at s = max(s, 1); per-m gives c = 1 for every m', () => {
    const n = 1000;
    const objective: Objective = { mode: 'neg', s: 0.2, normalization: 'spectrum', earlyPhase: true };
    const state = createObjectiveState(objective, n);
    expect(state.negScale(0, 300, 5)).toBeCloseTo(1, 12);
    expect(state.negScale(99, 300, 5)).toBeCloseTo(1, 12);
    expect(state.negScale(100, 300, 5)).toBeCloseTo(
      negEstimatorScale(5, spectrumNormalization(0.2, n), n),
      12,
    );
    state.setSpectrum(0.7);
    expect(state.negScale(200, 300, 5)).toBeCloseTo(
      negEstimatorScale(5, spectrumNormalization(0.7, n), n),
      12,
    );
    const perM = createObjectiveState({ ...objective, normalization: 'per-m' }, n);
    for (const m of [1, 5, 50]) expect(perM.negScale(0, 300, m)).toBeCloseTo(1, 12);
    expect(() => state.setSpectrum(Number.NaN)).toThrow(/finite/);
  });
});

describe("NEG's terms (negTerms.ts)", () => {
  const scales = [0.01, 0.3, 1, 5];
  const distances = [0, 0.05, 0.4, 1, 3, 12];

  it('the coefficients times e_i − e_j are −∂L/∂e_i by finite differences', () => {
    let worst = 0;
    for (const c of scales) {
      for (const distance of distances) {
        const [xj, yj] = [0.3, -0.2];
        const [x, y] = [xj + 0.6 * distance, yj - 0.8 * distance];
        const u = squared(x, y, xj, yj);
        const pairs = [
          [
            negAttractiveCoefficient(u, c),
            (p: number, q: number) => negAttractiveLoss(squared(p, q, xj, yj), c),
          ],
          [
            negRepulsiveCoefficient(u, c),
            (p: number, q: number) => negRepulsiveLoss(squared(p, q, xj, yj), c),
          ],
        ] as const;
        for (const [coefficient, loss] of pairs) {
          if (distance === 0) {
            // Finite at d = 0: no singularity (ICLR 2023, §4), unlike UMAP's repulsion.
            expect(Number.isFinite(coefficient) && Number.isFinite(loss(x, y))).toBe(true);
            continue;
          }
          const [gx, gy] = negativeGradient(loss, x, y);
          const scale = Math.max(1e-3, Math.hypot(gx, gy));
          worst = Math.max(
            worst,
            Math.hypot(coefficient * (x - xj) - gx, coefficient * (y - yj) - gy) / scale,
          );
        }
      }
    }
    expect(worst).toBeLessThan(1e-6);
  });

  it("NCE's ∂L/∂log c (1 − ξ to attract, −ξ to repel) is the finite difference of the loss in log c", () => {
    let worst = 0;
    for (const c of scales) {
      for (const u of [0, 0.2, 1, 5, 40]) {
        const h = 1e-6;
        const at = (logC: number, repel: boolean) =>
          repel ? negRepulsiveLoss(u, Math.exp(logC)) : negAttractiveLoss(u, Math.exp(logC));
        for (const repel of [false, true]) {
          const numeric = (at(Math.log(c) + h, repel) - at(Math.log(c) - h, repel)) / (2 * h);
          worst = Math.max(worst, Math.abs(numeric - negScaleDerivative(u, c, repel)));
        }
      }
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it("UMAP's loss is NEG with the kernel 1/d² and c = 1 (ICLR 2023, §4): the same gradients", () => {
    // ξ = q/(q + c) with q = 1/u is 1/(1 + u): UMAP's φ at a = b = 1.
    for (const u of [0.01, 0.3, 1, 4, 40]) {
      const xi = 1 / u / (1 / u + 1);
      expect(xi).toBeCloseTo(1 / (1 + u), 14);
      const h = 1e-6 * u;
      const dLa = (Math.log(1 + (u + h)) - Math.log(1 + (u - h))) / (2 * h);
      const xiOf = (v: number) => 1 / v / (1 / v + 1);
      const dLr = (-Math.log(1 - xiOf(u + h)) + Math.log(1 - xiOf(u - h))) / (2 * h);
      expect(-2 * dLa).toBeCloseTo(attractiveCoefficient(u, 1, 1), 6);
      expect(-2 * dLr).toBeCloseTo(repulsiveCoefficient(u, 1, 1, 0), 6);
    }
  });

  it('Neg-t-SNE tends to the Cauchy repulsion 2φ as c → 0 and its estimator to 1/(2 + d²) at c = 1', () => {
    for (const u of [0, 0.5, 2, 9]) {
      expect(negRepulsiveCoefficient(u, 1e-9) / (2 / (1 + u))).toBeCloseTo(1, 6);
      expect(negEstimator(u, 1)).toBeCloseTo(1 / (2 + u), 14);
    }
  });
});

describe("InfoNCE's update (infoNceUpdate.ts)", () => {
  it('moves every point by −α·∂L/∂e of the one term, L = −log φ_ij + w·log(φ_ij + Σ φ_ik)', () => {
    const start = Float32Array.from([0, 0, 0.7, -0.4, 1.5, 0.9, -1.2, 0.5, 0.4, 2.2]);
    const samples = Int32Array.from([2, 3, 4]);
    for (const weight of [1, 0.25]) {
      const loss = (p: Float64Array) => {
        const phi = (x: number) => 1 / (1 + (p[0] - p[2 * x]) ** 2 + (p[1] - p[2 * x + 1]) ** 2);
        let sum = phi(1);
        for (const k of samples) sum += phi(k);
        return -Math.log(phi(1)) + weight * Math.log(sum);
      };
      const positions = Float32Array.from(start);
      const alpha = 1e-3;
      createInfoNceUpdate(positions, true).update(0, 1, samples, alpha, weight, true);
      const h = 1e-6;
      for (let v = 0; v < start.length; v++) {
        const plus = Float64Array.from(start);
        const minus = Float64Array.from(start);
        plus[v] += h;
        minus[v] -= h;
        const gradient = (loss(plus) - loss(minus)) / (2 * h);
        expect((positions[v] - start[v]) / alpha).toBeCloseTo(-gradient, 3);
      }
    }
  });
});

describe('the optimizer on contrastive losses', () => {
  const ring = paperRingProblem;
  const negObjective: Objective = { mode: 'neg', s: 0.5, normalization: 'spectrum', earlyPhase: true };

  it('the kernel in reference mode runs NEG bit for bit as the TypeScript reference', () => {
    const options = problemOptions(ring, { seed: 7, nEpochs: 60, objective: negObjective });
    const reference = createOptimizer({ ...options, backend: 'typescript' });
    const kernel = createWasmOptimizer(checkOptions(options), true);
    if (kernel === undefined) throw new Error('no WebAssembly here');
    const referenceStats = reference.step(30);
    const kernelStats = kernel.step(30);
    expect(Array.from(kernel.embedding)).toEqual(Array.from(reference.embedding));
    expect(kernelStats.map((s) => s.actual.total)).toEqual(referenceStats.map((s) => s.actual.total));
    expect(kernelStats[5].normalization).toBeCloseTo(spectrumNormalization(1, ring.graph.n), 6);
    expect(kernelStats[25].normalization).toBeCloseTo(spectrumNormalization(0.5, ring.graph.n), 6);
  });

  it('NCE learns Z̄ alike on both backends, and away from its start', () => {
    const options = problemOptions(ring, {
      seed: 11,
      nEpochs: 100,
      objective: { ...negObjective, mode: 'nce' },
    });
    const reference = createOptimizer({ ...options, backend: 'typescript' }).step(100);
    const kernel = createOptimizer({ ...options, backend: 'wasm' }).step(100);
    const first = reference[0].normalization ?? 0;
    const last = reference[99].normalization ?? 0;
    const n = ring.graph.n;
    expect(first).toBeCloseTo(n * n, 3);
    expect(Math.abs(Math.log(last / first))).toBeGreaterThan(0.5);
    expect(Math.abs(Math.log((kernel[99].normalization ?? 0) / last))).toBeLessThan(0.05);
  });

  it('each loss descends its own objective on the ring, and InfoNCE runs on the reference', () => {
    for (const mode of ['neg', 'nce', 'infonce'] as const) {
      const optimizer = createOptimizer(
        problemOptions(ring, {
          seed: 3,
          nEpochs: 200,
          objective: { ...negObjective, mode, earlyPhase: false },
        }),
      );
      expect(optimizer.backend).toBe(mode === 'infonce' ? 'typescript' : 'wasm');
      const stats = optimizer.step(200);
      const mean = (from: number) =>
        stats.slice(from, from + 20).reduce((sum, s) => sum + s.actual.total / s.edgeSamples, 0) / 20;
      expect(mean(180)).toBeLessThan(mean(1));
      for (const v of optimizer.embedding) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('threads and §7.3 refuse the contrastive losses with a reason', () => {
    const options = problemOptions(ring, { seed: 1, objective: negObjective });
    expect(() => createOptimizer({ ...options, sampling: 'corrected' })).toThrow(/UMAP loss/);
    expect(() => createOptimizer({ ...options, threads: 2, startHelper: () => {} })).toThrow(/one thread/);
  });
});
