/**
 * Orthogonal Procrustes alignment of one 2-D layout onto another, so that panels of different runs
 * (a parameter sweep, several seeds) can be read side by side: UMAP layouts are only defined up to
 * rotation, reflection, translation and scale.
 */

export interface ProcrustesOptions {
  /**
   * How the aligned layout is scaled (the rotation does not depend on it):
   * - 'size' (default): s = ‖A‖/‖B‖, the aligned layout has the reference's root-mean-square size
   *   around its centre. A panel that matches the reference badly keeps its size.
   * - 'leastSquares': s = (σ₁ + σ₂)/‖B‖², the s minimising ‖A − s·B·R‖; it shrinks a layout towards
   *   a point the less it resembles the reference (s → 0 for an unrelated one).
   * Both agree when the moving layout is an exact similarity transform of the reference.
   */
  scale?: 'size' | 'leastSquares';
}

/**
 * Aligns `moving` onto `reference` (both n×2, interleaved x, y) and returns the aligned copy.
 *
 * With A and B the centred reference and moving layouts (rows = points), the orthogonal 2×2 matrix
 * R minimising ‖A − s·B·R‖_F for any s > 0 maximises tr(Rᵀ·M) with M = BᵀA; in general R = U·Vᵀ
 * from the SVD M = U·Σ·Vᵀ. In 2-D the two families of orthogonal matrices have closed forms:
 *
 *   rotation   R = [[c, s], [−s, c]]: tr(RᵀM) = c·(M₀₀ + M₁₁) + s·(M₀₁ − M₁₀),
 *              maximal at θ = atan2(M₀₁ − M₁₀, M₀₀ + M₁₁) with value hypot(M₀₀ + M₁₁, M₀₁ − M₁₀);
 *   reflection R = [[c, s], [s, −c]]: tr(RᵀM) = c·(M₀₀ − M₁₁) + s·(M₀₁ + M₁₀),
 *              maximal at θ = atan2(M₀₁ + M₁₀, M₀₀ − M₁₁) with value hypot(M₀₀ − M₁₁, M₀₁ + M₁₀);
 *
 * (c = cos θ, s = sin θ). These two maxima are σ₁ + σ₂ and |σ₁ − σ₂| in some order; the larger
 * wins (a tie keeps the rotation), so the best value is σ₁ + σ₂ = tr(Σ). The result is
 *
 *   out_i = ā + s·(b_i − b̄)·R,   s = ‖A‖_F/‖B‖_F  (or tr(Σ)/‖B‖²_F, see `ProcrustesOptions`),
 *
 * with ā, b̄ the centroids. Sums are accumulated in float64. Degenerate input never gives NaN: a
 * moving layout with all points equal (or n = 1) has ‖B‖ = 0 and maps every point to ā; M = 0
 * gives θ = atan2(0, 0) = 0, the identity.
 */
export function procrustesAlign(
  reference: Float32Array,
  moving: Float32Array,
  n: number,
  { scale = 'size' }: ProcrustesOptions = {},
): Float32Array {
  if (!Number.isInteger(n) || n < 0) throw new Error(`n must be a whole number ≥ 0, got ${n}`);
  if (reference.length !== 2 * n || moving.length !== 2 * n) {
    throw new Error(
      `expected two n×2 layouts with n = ${n}, got ${reference.length} and ${moving.length} values`,
    );
  }
  const out = new Float32Array(2 * n);
  if (n === 0) return out;

  const [ax, ay] = centroid(reference, n);
  const [bx, by] = centroid(moving, n);

  // M = BᵀA over the centred layouts, and the squared Frobenius norms ‖A‖², ‖B‖².
  let m00 = 0;
  let m01 = 0;
  let m10 = 0;
  let m11 = 0;
  let normA2 = 0;
  let normB2 = 0;
  for (let i = 0; i < n; i++) {
    const rx = reference[2 * i] - ax;
    const ry = reference[2 * i + 1] - ay;
    const mx = moving[2 * i] - bx;
    const my = moving[2 * i + 1] - by;
    m00 += mx * rx;
    m01 += mx * ry;
    m10 += my * rx;
    m11 += my * ry;
    normA2 += rx * rx + ry * ry;
    normB2 += mx * mx + my * my;
  }

  const rotationValue = Math.hypot(m00 + m11, m01 - m10);
  const reflectionValue = Math.hypot(m00 - m11, m01 + m10);
  const reflect = reflectionValue > rotationValue;
  const theta = reflect ? Math.atan2(m01 + m10, m00 - m11) : Math.atan2(m01 - m10, m00 + m11);
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  // R as its four entries; row vector (x, y) times R is (x·r00 + y·r10, x·r01 + y·r11).
  const r00 = c;
  const r01 = s;
  const r10 = reflect ? s : -s;
  const r11 = reflect ? -c : c;

  let factor = 0;
  if (normB2 > 0) {
    const traceSigma = Math.max(rotationValue, reflectionValue);
    factor = scale === 'leastSquares' ? traceSigma / normB2 : Math.sqrt(normA2 / normB2);
  }

  for (let i = 0; i < n; i++) {
    const mx = moving[2 * i] - bx;
    const my = moving[2 * i + 1] - by;
    out[2 * i] = ax + factor * (mx * r00 + my * r10);
    out[2 * i + 1] = ay + factor * (mx * r01 + my * r11);
  }
  return out;
}

/** Mean of the n points of an n×2 layout, in float64. */
function centroid(points: Float32Array, n: number): [number, number] {
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += points[2 * i];
    y += points[2 * i + 1];
  }
  return [x / n, y / n];
}
