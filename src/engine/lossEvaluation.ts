/**
 * The losses and ν the frames show, computed on the current embedding when the evaluation budget
 * says (evaluationBudget.ts) and timed into it.
 */
import {
  evaluateLosses,
  evaluateNegLosses,
  type Losses,
  pairSimilarities,
  similarityHistogram,
} from '../core/losses';
import type { Outbox } from './frames';
import { pairViews } from './pairViews';
import { negScaleOf, type Run, similarityOf } from './run';

/** ν and the pair views are refreshed at most this often (ms), and at the last epoch. */
const NU_INTERVAL_MS = 250;

/**
 * The purported and effective losses of the current embedding (lossesOf) into the outbox, their
 * cost into the run's budget; above the exact limit the far-field approximation
 * (core/losses/farField.ts) replaces UMAP's O(n²) sum. Refreshes ν when due.
 */
export function evaluateRun(run: Run, outbox: Outbox, now: () => number): void {
  const epoch = run.optimizer.epoch;
  const started = now();
  const losses = lossesOf(run);
  if (losses === null) {
    refreshNu(run, outbox, now);
    return;
  }
  run.budget.recordEvaluation((now() - started) / 1000);
  outbox.evaluations.push({ epoch, ...losses });
  refreshNu(run, outbox, now);
}

/**
 * The purported and effective losses of the run's current embedding: UMAP's (eq. 6, eq. 12), or
 * for NEG and NCE the same sums with their estimator ξ, both by the far field above the exact-loss
 * limit; null where they are not defined (InfoNCE, t-SNE): those runs show their own loss on the
 * sampled pairs, the actual curve.
 */
function lossesOf(run: Run): Losses | null {
  const { artifacts, optimizer, config } = run;
  const { graph, degrees } = artifacts;
  switch (config.loss) {
    case 'umap':
      return evaluateLosses(graph, optimizer.embedding, {
        a: artifacts.a,
        b: artifacts.b,
        m: config.m,
        degrees,
        approximate: run.approximateLosses,
      });
    case 'neg':
    case 'nce':
      return evaluateNegLosses(graph, optimizer.embedding, {
        c: negScaleOf(run),
        m: config.m,
        degrees,
        approximate: run.approximateLosses,
      });
    default:
      return null;
  }
}

/**
 * ν of the current embedding, its histogram and the pair views against ν* and μ: at most every
 * 250 ms while the run goes on, always at its last epoch, and at once when `force`d (a new ν*).
 */
export function refreshNu(run: Run, outbox: Outbox, now: () => number, force = false): void {
  const { artifacts, optimizer } = run;
  const finished = optimizer.epoch >= optimizer.nEpochs;
  if (now() - run.nuComputedAt < NU_INTERVAL_MS && !force && !finished) return;
  // The last epoch's evaluation and slice both ask for ν: compute it once per embedding.
  if (finished && !force && run.histograms.nu && run.histograms.nuEpoch === optimizer.epoch) return;
  run.nuComputedAt = now();
  const nu = pairSimilarities(artifacts.graph, optimizer.embedding, similarityOf(run));
  run.histograms = {
    ...run.histograms,
    nu: similarityHistogram(nu),
    nuEpoch: optimizer.epoch,
    pairs: pairViews(artifacts.graph.values, run.nuStar, nu),
  };
  outbox.histograms = true;
}
