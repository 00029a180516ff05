/**
 * The losses and ν the frames show, computed on the current embedding when the evaluation budget
 * says (evaluationBudget.ts) and timed into it.
 */
import { evaluateLosses, pairSimilarities, similarityHistogram } from '../core/losses';
import type { Outbox } from './frames';
import { pairViews } from './pairViews';
import { type Run, similarityOf } from './run';

/** ν and the pair views are refreshed at most this often (ms), and at the last epoch. */
const NU_INTERVAL_MS = 250;

/**
 * The purported and effective losses of the current embedding into the outbox, their cost into the
 * run's budget; above the exact limit the far-field approximation (core/losses/farField.ts) replaces
 * the O(n²) sum. Refreshes ν when due.
 */
export function evaluateRun(run: Run, outbox: Outbox, now: () => number): void {
  const { artifacts, optimizer, config } = run;
  // Eq. 6 and eq. 12 are UMAP's losses; another loss is tracked on its sampled pairs (the actual curve).
  if (config.loss !== 'umap') {
    refreshNu(run, outbox, now);
    return;
  }
  const epoch = optimizer.epoch;
  const started = now();
  const losses = evaluateLosses(artifacts.graph, optimizer.embedding, {
    a: artifacts.a,
    b: artifacts.b,
    m: config.m,
    degrees: artifacts.degrees,
    approximate: run.approximateLosses,
  });
  run.budget.recordEvaluation((now() - started) / 1000);
  outbox.evaluations.push({ epoch, ...losses });
  refreshNu(run, outbox, now);
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
