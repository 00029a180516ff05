/** Numbers of a run that the claims judge and the presets remember (PresetPanel records them for a finished run). */
import type { LatestLosses } from './latestLosses';
import type { RunData } from './runData';

/** Thickness of the embedded ring over the input's: the readout "ring thickness / input". */
export function thicknessRatio(data: Pick<RunData, 'thickness' | 'inputThickness'>): number | undefined {
  return data.thickness !== undefined && data.inputThickness
    ? data.thickness / data.inputThickness
    : undefined;
}

/** Purported over effective loss at the latest evaluation. */
export function lossRatio(latest: LatestLosses | null): number | undefined {
  if (!latest || latest.purported === undefined || latest.effective === undefined) return undefined;
  return latest.effective > 0 ? latest.purported / latest.effective : undefined;
}

/** ν* of eq. 15 for one pair with both degrees d: μ / (μ + 2d·m / 2n). */
export function targetSimilarity(mu: number, degree: number, m: number, n: number): number {
  return mu / (mu + (degree * m) / n);
}
