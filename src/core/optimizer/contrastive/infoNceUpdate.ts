/**
 * One SGD update of InfoNCE (ICLR 2023, eq. 6; contrastive-ne's "infonce" with the Cauchy kernel):
 * an edge (i, j) and its m negative samples k form one term
 *   L = −log φ_ij + w·log S,   S = φ_ij + Σ_k φ_ik,   φ = 1/(1 + u),  u = ‖e_i − e_x‖²,
 * with w = 1/τ(s) (spectrum.ts; w = 1 is InfoNCE proper). Its partial derivatives are
 *   ∂L/∂u_ij = φ_ij − w·φ_ij²/S,   ∂L/∂u_ik = −w·φ_ik²/S,
 * so each pair gets the coefficient −2·∂L/∂u (a step e_i += α·coefficient·(e_i − e_x) descends it),
 * every coordinate clipped as UMAP's. All distances are taken before any point moves (one gradient of
 * one term); the head moves by the sum, the tail by the opposite of its step, a negative sample only
 * with pushNegatives, as UMAP's repulsion.
 */
import { clipGradient } from '../gradients';

export interface InfoNceTerms {
  /** −log φ_ij. */
  attractive: number;
  /** w·log S. */
  repulsive: number;
}

export interface InfoNceUpdate {
  /** `count` sample indices from `drawIndex`, into a buffer reused by the next call. */
  draw(count: number, drawIndex: () => number): Int32Array;
  /** Applies one term's step; its loss parts are valid until the next call (0 unless trackLoss). */
  update(
    i: number,
    j: number,
    samples: Int32Array,
    alpha: number,
    weight: number,
    pushNegatives: boolean,
  ): InfoNceTerms;
}

export function createInfoNceUpdate(positions: Float32Array, trackLoss: boolean): InfoNceUpdate {
  let indices = new Int32Array(16);
  // Per pair (the tail at 0, the samples after it): φ and e_i − e_x before any move.
  let kernel = new Float64Array(17);
  let deltas = new Float64Array(34);
  const terms: InfoNceTerms = { attractive: 0, repulsive: 0 };
  const measure = (i: number, x: number, slot: number): number => {
    const dx = positions[2 * i] - positions[2 * x];
    const dy = positions[2 * i + 1] - positions[2 * x + 1];
    deltas[2 * slot] = dx;
    deltas[2 * slot + 1] = dy;
    kernel[slot] = 1 / (1 + dx * dx + dy * dy);
    return kernel[slot];
  };
  return {
    draw(count, drawIndex) {
      if (count > indices.length) {
        indices = new Int32Array(2 * count);
        kernel = new Float64Array(2 * count + 1);
        deltas = new Float64Array(4 * count + 2);
      }
      const samples = indices.subarray(0, count);
      for (let q = 0; q < count; q++) samples[q] = drawIndex();
      return samples;
    },
    update(i, j, samples, alpha, weight, pushNegatives) {
      const count = samples.length;
      const phiTail = measure(i, j, 0);
      let sum = phiTail;
      for (let q = 0; q < count; q++) sum += measure(i, samples[q], q + 1);
      if (trackLoss) {
        terms.attractive = -Math.log(phiTail);
        terms.repulsive = weight * Math.log(sum);
      }
      // Slot 0 is the tail (attracted, moves), slots 1… the samples (repelled, move with push).
      let stepX = 0;
      let stepY = 0;
      for (let slot = 0; slot <= count; slot++) {
        const phi = kernel[slot];
        const coefficient =
          slot === 0 ? -2 * (phi - (weight * phi * phi) / sum) : (2 * weight * phi * phi) / sum;
        const gx = alpha * clipGradient(coefficient * deltas[2 * slot]);
        const gy = alpha * clipGradient(coefficient * deltas[2 * slot + 1]);
        stepX += gx;
        stepY += gy;
        const x = slot === 0 ? j : samples[slot - 1];
        if ((slot === 0 || pushNegatives) && x !== i) {
          positions[2 * x] -= gx;
          positions[2 * x + 1] -= gy;
        }
      }
      positions[2 * i] += stepX;
      positions[2 * i + 1] += stepY;
      return terms;
    },
  };
}
