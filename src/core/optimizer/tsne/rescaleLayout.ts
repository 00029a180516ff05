/**
 * t-SNE's starting scale: the initial layout centred and shrunk so that its first coordinate has
 * standard deviation 1e-4 (openTSNE's and FIt-SNE's convention after Kobak & Berens, "The art of
 * using t-SNE for single-cell transcriptomics", 2019). At that scale every w_ij ≈ 1, so the early
 * iterations see the attraction of P against a uniform repulsion, whatever the init's units.
 */
import { UserError } from '../../errors';

/** The standard deviation of the first coordinate after rescaling. */
export const TSNE_INITIAL_STD = 1e-4;

/**
 * A centred copy of `layout` (n×2) scaled by targetStd / std(first coordinate) (population std).
 * A layout whose first coordinate is constant is scaled by its second coordinate's std instead;
 * a layout of one repeated point cannot be spread and throws.
 */
export function rescaleLayout(
  layout: Float32Array,
  n: number,
  targetStd: number = TSNE_INITIAL_STD,
): Float32Array {
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    const x = layout[2 * i];
    const y = layout[2 * i + 1];
    if (!(Number.isFinite(x) && Number.isFinite(y))) {
      throw new UserError(`Point ${i} of the initial layout has a non-finite coordinate.`);
    }
    mx += x;
    my += y;
  }
  mx /= n;
  my /= n;
  let vx = 0;
  let vy = 0;
  for (let i = 0; i < n; i++) {
    vx += (layout[2 * i] - mx) ** 2;
    vy += (layout[2 * i + 1] - my) ** 2;
  }
  const std = Math.sqrt((vx > 0 ? vx : vy) / n);
  if (!(std > 0))
    throw new UserError('The initial layout puts every point at the same place; t-SNE needs a spread.');
  const scale = targetStd / std;
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = (layout[2 * i] - mx) * scale;
    out[2 * i + 1] = (layout[2 * i + 1] - my) * scale;
  }
  return out;
}
