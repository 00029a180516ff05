/**
 * Per-pair views of the graph's stored pairs (paper §6, Fig. 4; issue 13): where each pair's ν of
 * the current embedding lands against its target ν* (eq. 15) and against its input similarity μ, as
 * 2-D histograms and as the numbers behind "ν reproduces ν*, not μ"; and the points of the pairs in
 * a brushed box of either view.
 */
import type { Graph } from '../core/types';
import type { PairViews } from './frame';

/** Bins per axis of both 2-D histograms. */
export const PAIR_VIEW_BINS = 40;

/**
 * Bin of a similarity in [0, 1]: [k/bins, (k+1)/bins), the last bin closed so 1 counts in it. The
 * edges are exact (float32 values times 40 are exact in float64), so a box from bin edge to bin edge
 * in `pairPointsInBox` holds at least that bin's pairs.
 */
function binOf(value: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.floor(value * bins)));
}

/**
 * The two 2-D histograms (x = ν* or μ, y = ν) and the mean distances of ν from ν* and from μ over
 * the pairs, all three arrays aligned with the graph's stored values (both directions of every
 * edge, as the 1-D histograms count them). A pair counts as nearer its target when |ν − ν*| is
 * strictly below |ν − μ|, so where ν* = μ no pair does.
 */
export function pairViews(
  mu: ArrayLike<number>,
  nuStar: ArrayLike<number>,
  nu: ArrayLike<number>,
  bins = PAIR_VIEW_BINS,
): PairViews {
  const count = mu.length;
  if (nuStar.length !== count || nu.length !== count)
    throw new Error(`pair arrays differ in length: μ ${count}, ν* ${nuStar.length}, ν ${nu.length}`);
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`);
  const nuVsTarget = new Uint32Array(bins * bins);
  const nuVsMu = new Uint32Array(bins * bins);
  let sumTarget = 0;
  let sumMu = 0;
  let nearer = 0;
  for (let p = 0; p < count; p++) {
    const y = nu[p];
    const row = binOf(y, bins) * bins;
    nuVsTarget[row + binOf(nuStar[p], bins)]++;
    nuVsMu[row + binOf(mu[p], bins)]++;
    const fromTarget = Math.abs(y - nuStar[p]);
    const fromMu = Math.abs(y - mu[p]);
    sumTarget += fromTarget;
    sumMu += fromMu;
    if (fromTarget < fromMu) nearer++;
  }
  return {
    bins,
    nuVsTarget,
    nuVsMu,
    meanAbsNuMinusTarget: count > 0 ? sumTarget / count : 0,
    meanAbsNuMinusMu: count > 0 ? sumMu / count : 0,
    nearerTarget: count > 0 ? nearer / count : 0,
  };
}

/** A rectangle of a pair view, bounds inclusive (given in either order). */
export interface PairBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The sorted, distinct points i and j of every stored pair (i, j) of `g` whose (x[p], y[p]) lies in
 * `box`, bounds included; `x` and `y` are aligned with g.values (x = ν* or μ, y = ν). The box
 * holds at least every pair of the 2-D histograms' bins it covers (a bin is [k/bins, (k+1)/bins)).
 */
export function pairPointsInBox(
  g: Graph,
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  box: PairBox,
): Int32Array {
  const { n, rowPtr, cols } = g;
  if (x.length !== cols.length || y.length !== cols.length)
    throw new Error(`pair arrays have ${x.length} and ${y.length} values, the graph ${cols.length} pairs`);
  // Float32 similarities are compared with float32 bounds, so a bound of 0.1 includes the value 0.1f.
  const xBound = x instanceof Float32Array ? Math.fround : (value: number) => value;
  const yBound = y instanceof Float32Array ? Math.fround : (value: number) => value;
  const xLow = xBound(Math.min(box.x0, box.x1));
  const xHigh = xBound(Math.max(box.x0, box.x1));
  const yLow = yBound(Math.min(box.y0, box.y1));
  const yHigh = yBound(Math.max(box.y0, box.y1));
  const marked = new Uint8Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      if (x[p] < xLow || x[p] > xHigh || y[p] < yLow || y[p] > yHigh) continue;
      const j = cols[p];
      total += 1 - marked[i];
      marked[i] = 1;
      total += 1 - marked[j];
      marked[j] = 1;
    }
  }
  const points = new Int32Array(total);
  for (let i = 0, next = 0; i < n; i++) if (marked[i] === 1) points[next++] = i;
  return points;
}
