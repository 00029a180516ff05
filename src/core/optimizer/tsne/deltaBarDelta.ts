/**
 * Gradient descent with momentum and per-coordinate adaptive gains, the "delta-bar-delta" rule
 * (Jacobs 1988) as t-SNE has used it since van der Maaten & Hinton (2008, §3.4):
 *
 *   gain ← gain + 0.2   where sign(gradient) ≠ sign(previous update)   (still going the same way),
 *   gain ← gain · 0.8   where the signs agree                           (the last step overshot),
 *   gain ← max(gain, 0.01),
 *   update ← momentum·update − η·gain·gradient,     y ← y + update.
 */

export const GAIN_INCREMENT = 0.2;
export const GAIN_DECAY = 0.8;
export const MIN_GAIN = 0.01;

export interface DescentState {
  /** Per-coordinate gains, n×2, starting at 1. */
  gains: Float64Array;
  /** The previous update, n×2, starting at 0. */
  update: Float64Array;
}

export function createDescentState(n: number): DescentState {
  return { gains: new Float64Array(2 * n).fill(1), update: new Float64Array(2 * n) };
}

/** Gains back to 1 and the update to 0 (a fresh start, e.g. when the exaggeration changes). */
export function resetDescentState(state: DescentState): void {
  state.gains.fill(1);
  state.update.fill(0);
}

/** One step on `y` (updated in place) along −`gradient`, with step size `learningRate`. */
export function deltaBarDeltaStep(
  y: Float32Array,
  gradient: Float64Array,
  state: DescentState,
  learningRate: number,
  momentum: number,
): void {
  const { gains, update } = state;
  for (let k = 0; k < y.length; k++) {
    const g = gradient[k];
    const u = update[k];
    let gain = Math.sign(g) !== Math.sign(u) ? gains[k] + GAIN_INCREMENT : gains[k] * GAIN_DECAY;
    if (gain < MIN_GAIN) gain = MIN_GAIN;
    gains[k] = gain;
    const next = momentum * u - learningRate * gain * g;
    update[k] = next;
    y[k] += next;
  }
}
