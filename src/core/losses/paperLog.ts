/**
 * The paper code's safe logarithm (docs/algorithm.md §3.4, `my_log`): log(min(x + ε, 1)) with ε = 1e-4.
 * Every loss the app shows (eq. 6, 11, 12 and Table 1) uses it, so that ν = 1 on the diagonal and
 * ν = 0 off the graph give finite values: −log(ε) = 9.2103 per such pair.
 */
export const PAPER_LOG_EPS = 1e-4;

export function paperLog(x: number, eps: number = PAPER_LOG_EPS): number {
  const shifted = x + eps;
  return shifted < 1 ? Math.log(shifted) : 0;
}
