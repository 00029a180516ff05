/**
 * A sweep's runs (sweepSpec.ts), one after another on one stage cache, so panels that differ only in
 * the optimizer (s, ρ, m) share the data, the kNN graph and the initial layout, and a k sweep shares
 * the kNN. Each panel is scored (core/metrics/sweepMetrics.ts) and aligned to the panel before it by
 * Procrustes (rotation/reflection and size), so the small multiples read side by side; panels of an
 * n sweep hold different points and are not aligned.
 */
import { CancelledError } from '../../core/cancel';
import { HIGH_SIMILARITY, pairSimilarities } from '../../core/losses';
import { procrustesAlign, ringThickness, type SweepMetrics, sweepMetrics } from '../../core/metrics';
import type { Optimizer } from '../../core/optimizer';
import type { Dataset } from '../../core/types';
import type { ExplorerConfig } from '../config';
import type { ConfigContext } from '../configRules';
import { type SliceLoop, stepInSlices } from '../multiSeed';
import { createRunOptimizer, createStageCache, type ExternalDataset } from '../pipeline';
import { lossSimilarity, ringPoints } from '../run';
import { checkSweep, type SweepSpec } from './sweepSpec';

/** How a panel's points are coloured, as in the main scatter: by class, by the dataset's hue, or one colour. */
export type SweepColours =
  | { kind: 'label'; labels: Int32Array; names: string[] }
  | { kind: 'hue'; hue: Float32Array }
  | { kind: 'uniform' };

export interface SweepPanelMetrics extends SweepMetrics {
  /** The loss the run minimised, summed over the pairs of its last epoch (UMAP: eq. 11; t-SNE: KL). */
  finalLoss: number;
  /** The input ring's thickness (ring data), the reference of `ringThickness`. */
  inputRingThickness?: number;
  /**
   * Share of the graph's stored pairs whose embedding similarity ν (the loss's own: UMAP's φ, NEG's
   * ξ, the Cauchy kernel) is at least HIGH_SIMILARITY: how binarised the layout is (§5, Fig. 4).
   */
  nearOneShare: number;
}

function nearOneShare(nu: Float32Array): number {
  let near = 0;
  for (let p = 0; p < nu.length; p++) if (nu[p] >= HIGH_SIMILARITY) near++;
  return nu.length > 0 ? near / nu.length : 0;
}

export interface SweepPanel {
  value: number;
  config: ExplorerConfig;
  /** n×2; aligned to the previous panel when `SweepResult.aligned`. */
  embedding: Float32Array;
  colours: SweepColours;
  metrics: SweepPanelMetrics;
  /** NEG's or NCE's Z̄ in the last epoch. */
  normalization?: number;
  seconds: number;
}

export interface SweepResult {
  spec: SweepSpec;
  base: ExplorerConfig;
  panels: SweepPanel[];
  /** Whether the panels share their points and were Procrustes-aligned. */
  aligned: boolean;
  notices: string[];
  elapsedSeconds: number;
}

export interface SweepProgress {
  /** 0-based panel being built or run. */
  panel: number;
  panels: number;
  stage: 'building' | 'optimizing';
  /** Epochs run over all panels, of `total`. */
  done: number;
  total: number;
  remainingSeconds?: number;
}

export interface SweepContext extends ConfigContext {
  external: ExternalDataset | null;
  shouldCancel: () => boolean;
  now: () => number;
  /** Called between slices of work with the progress; resolves when the sweep may go on. */
  report: (progress: SweepProgress) => Promise<void>;
  /** Each finished panel, as soon as it is scored. */
  onPanel?: (panel: SweepPanel, index: number) => void;
}

/** Epochs per slice between two reports. */
const SLICE_EPOCHS = 5;

/** As the main scatter colours the dataset (frames.ts' RunInfo): by class, by its hue (ring angle), or not. */
function coloursOf(dataset: Dataset): SweepColours {
  if (dataset.labels) return { kind: 'label', labels: dataset.labels, names: dataset.labelNames ?? [] };
  if (dataset.hue) return { kind: 'hue', hue: dataset.hue };
  return { kind: 'uniform' };
}

/** The mean loss of the last (up to) 10 epochs: one epoch's sampled loss is noisy. */
function finalLossOf(totals: number[]): number {
  const last = totals.slice(-10);
  return last.reduce((sum, value) => sum + value, 0) / Math.max(1, last.length);
}

/** Runs the sweep; null when cancelled. Panels run on one thread each, reproducible from the seed. */
export async function runSweep(
  requested: SweepSpec,
  requestedBase: ExplorerConfig,
  context: SweepContext,
): Promise<SweepResult | null> {
  const started = context.now();
  const base = { ...requestedBase, threads: 1 };
  const { spec, configs, notices } = checkSweep(requested, base, context);
  const cache = createStageCache();
  const total = configs.reduce((sum, config) => sum + config.epochs, 0);
  const aligned = spec.parameter !== 'n';
  const panels: SweepPanel[] = [];
  let done = 0;
  const progress = (panel: number, stage: SweepProgress['stage']): SweepProgress => {
    const elapsed = (context.now() - started) / 1000;
    const report: SweepProgress = { panel, panels: configs.length, stage, done, total };
    if (done > 0) report.remainingSeconds = (elapsed * (total - done)) / done;
    return report;
  };

  for (let p = 0; p < configs.length; p++) {
    const config = configs[p];
    const panelStarted = context.now();
    await context.report(progress(p, 'building'));
    if (context.shouldCancel()) return null;
    let optimizer: Optimizer | null = null;
    try {
      const artifacts = cache.build(config, context.external, undefined, context.shouldCancel);
      optimizer = createRunOptimizer(config, artifacts).optimizer;
      const running = optimizer;
      const totals: number[] = [];
      let normalization: number | undefined;
      let before = 0;
      const finished = await stepInSlices(
        running,
        SLICE_EPOCHS,
        {
          pause: () => {
            done += running.epoch - before;
            before = running.epoch;
            return context.report(progress(p, 'optimizing'));
          },
          shouldCancel: context.shouldCancel,
        } satisfies SliceLoop,
        (stats) => {
          for (const epochStats of stats) {
            totals.push(epochStats.actual.total);
            normalization = epochStats.normalization;
          }
        },
      );
      if (!finished) return null;
      const { dataset, knn } = artifacts;
      const raw = running.embedding.slice();
      const previous = panels[p - 1];
      const embedding = aligned && previous ? procrustesAlign(previous.embedding, raw, dataset.n) : raw;
      const ring = ringPoints(dataset, embedding, config);
      const metrics: SweepPanelMetrics = {
        ...sweepMetrics({
          dataset,
          embedding,
          seed: config.seed,
          metric: config.metric,
          highKnn: knn && knn.k >= 11 ? knn : undefined,
        }),
        finalLoss: finalLossOf(totals),
        nearOneShare: nearOneShare(
          pairSimilarities(artifacts.graph, embedding, lossSimilarity(config, artifacts, normalization)),
        ),
      };
      const inputRing = ringPoints(dataset, dataset.points, config);
      if (ring && inputRing) {
        metrics.ringThickness = ringThickness(ring);
        metrics.inputRingThickness = ringThickness(inputRing);
      }
      const panel: SweepPanel = {
        value: config[spec.parameter],
        config,
        embedding,
        colours: coloursOf(dataset),
        metrics,
        seconds: (context.now() - panelStarted) / 1000,
      };
      if (normalization !== undefined) panel.normalization = normalization;
      panels.push(panel);
      context.onPanel?.(panel, p);
    } catch (error) {
      if (error instanceof CancelledError) return null;
      throw error;
    } finally {
      optimizer?.dispose();
    }
  }
  return { spec, base, panels, aligned, notices, elapsedSeconds: (context.now() - started) / 1000 };
}
