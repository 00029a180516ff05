import { CancelledError } from '../core/cancel';
import { UserError } from '../core/errors';
import {
  embeddingSimilarities,
  evaluateLosses,
  type LossTableRow,
  lossTable,
  similarityHistogram,
  targetSimilarities,
} from '../core/losses';
import { ringArcs, ringThickness } from '../core/metrics';
import type { Optimizer } from '../core/optimizer';
import type { Dataset } from '../core/types';
import { changeSummary } from './changeSummary';
import { type ExplorerConfig, planChange, type Stage, stageKeys } from './config';
import { createEvaluationBudget, type EvaluationBudget } from './evaluationBudget';
import { embeddingFingerprint } from './fingerprint';
import type {
  ActualLoss,
  ChangeReport,
  EvaluatedLosses,
  Frame,
  Histograms,
  RunInfo,
  RunStatus,
} from './frame';
import { type MultiSeedCurves, runSeeds } from './multiSeed';
import { type PairBox, pairPointsInBox, pairViews } from './pairViews';
import { RING_COUNT } from './parameters';
import {
  type Artifacts,
  createRunOptimizer,
  createStageCache,
  type ExternalDataset,
  type ParallelEpochs,
} from './stages';
import { runTable1, type Table1Progress, type Table1Request, type Table1Seeds } from './table1';
import { createRateMeter, type RateMeter, stageRemainingSeconds } from './timeEstimates';

export interface EngineOptions {
  /** Runs a task later; the worker passes a MessageChannel-based scheduler, tests a manual queue. */
  schedule?: (task: () => void) => void;
  /** Milliseconds clock. */
  now?: () => number;
  /** Worker time per slice of epochs before the engine yields to incoming calls. */
  sliceMs?: number;
  /** At most this share of worker time goes to loss evaluation (docs/design.md, "Evaluation budget"). */
  evaluationShare?: number;
  /** Exact O(n²) losses up to this n; above, the far-field approximation (and the frame says so). */
  maxExactLossPoints?: number;
  /**
   * A counter another thread bumps to cancel (a SharedArrayBuffer cell): a synchronous stage such
   * as kNN cannot receive a message, but it polls this between blocks.
   */
  cancelGeneration?: () => number;
  /** Progress of long stages, pushed while the worker is busy (the UI cannot pull then). */
  onProgress?: (progress: { stage: Stage; fraction: number; remainingSeconds?: number }) => void;
  /** Helper threads for configurations with threads > 1; without them such runs use one thread. */
  parallel?: ParallelEpochs;
}

interface Run {
  id: number;
  config: ExplorerConfig;
  artifacts: Artifacts;
  optimizer: Optimizer;
  /** Why the optimizer runs on fewer threads than the configuration asks, if it does. */
  threadsMessage?: string;
  budget: EvaluationBudget;
  histograms: Histograms;
  inputThickness?: number;
  runInfoSent: boolean;
  epochsPerSecond: number;
  /** ν* of eq. 15 on the stored pairs at the current m, aligned with the graph's values. */
  nuStar: Float32Array;
  /** Epochs per second of wall time while running (slices and the gaps between them), smoothed. */
  rate: RateMeter;
  /** When the last slice of epochs ended (ms), to time the next one from there. */
  lastSliceEnd: number;
}

const HISTOGRAM_INTERVAL_MS = 250;

/** Points of ring 0 (Fig. 1c shows only that ring of the 20). */
function ringPoints(dataset: Dataset, embedding: Float32Array, config: ExplorerConfig): Float32Array | null {
  if (config.dataset === 'ring') return embedding;
  if (config.dataset === 'rings') return embedding.subarray(0, (2 * dataset.n) / RING_COUNT);
  return null;
}

/** Notes from the stages are clauses; the run message puts them one after another as sentences. */
function asSentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function messageOf(error: unknown): string {
  if (error instanceof UserError || error instanceof CancelledError) return error.message;
  return `Internal error: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Owns a run: the staged pipeline with caching, the optimizer, the evaluation budget and the frames
 * (docs/design.md). Plain module: the worker exposes it with comlink, tests drive it in Node.
 */
export function createEngine(options: EngineOptions = {}) {
  const schedule = options.schedule ?? ((task: () => void) => setTimeout(task, 0));
  const now = options.now ?? (() => performance.now());
  const sliceMs = options.sliceMs ?? 12;
  const evaluationShare = options.evaluationShare ?? 0.25;
  const maxExactLossPoints = options.maxExactLossPoints ?? 5000;

  const cache = createStageCache();
  let external: ExternalDataset | null = null;
  /** The external dataset id the latest configure() planned with. */
  let plannedDatasetId: string | undefined;
  let run: Run | null = null;
  let pendingBuild: ExplorerConfig | null = null;
  let latestRunId = 0;
  let version = 0;
  let playing = false;
  let stepsRequested = 0;
  let cancelRequested = false;
  let tickScheduled = false;
  let progress: Frame['progress'];
  let error: string | undefined;
  let notice: string | undefined;
  let lastHistogramAt = Number.NEGATIVE_INFINITY;
  let outbox: { actual: ActualLoss[]; evaluations: EvaluatedLosses[]; histograms: boolean } = {
    actual: [],
    evaluations: [],
    histograms: false,
  };
  let waiters: ((frame: Frame) => void)[] = [];
  /** The latest embeddings of the μ and dense-φ runs per dataset: Table 1's two rows. */
  const tableResults = new Map<string, { graph: Artifacts['graph']; embedding: Float32Array }>();
  /** The configuration last asked for, shown with an error when no run exists yet. */
  let requested: ExplorerConfig | null = null;

  function status(): RunStatus {
    if (pendingBuild) return 'building';
    if (!run) return 'empty';
    if (run.optimizer.epoch >= run.optimizer.nEpochs) return 'done';
    return playing || stepsRequested > 0 ? 'running' : 'paused';
  }

  /** While running: the epochs still to run (all, or the steps asked for) at the smoothed pace. */
  function remainingSeconds(current: Run): number | undefined {
    const rate = current.rate.perSecond;
    if (status() !== 'running' || !(rate > 0)) return undefined;
    const left = current.optimizer.nEpochs - current.optimizer.epoch;
    return (playing ? left : Math.min(stepsRequested, left)) / rate;
  }

  function frame(): Frame {
    if (!run) return emptyFrame();
    const sent = outbox;
    outbox = { actual: [], evaluations: [], histograms: false };
    const { artifacts, optimizer } = run;
    const points = ringPoints(artifacts.dataset, optimizer.embedding, run.config);
    const result: Frame = {
      runId: run.id,
      version,
      status: status(),
      config: run.config,
      epoch: optimizer.epoch,
      nEpochs: optimizer.nEpochs,
      learningRate: optimizer.alpha,
      embedding: optimizer.embedding.slice(),
      embeddingHash: embeddingFingerprint(optimizer.embedding),
      actual: sent.actual,
      evaluations: sent.evaluations,
      cadence: run.budget.cadence,
      evaluationShare: run.budget.evaluationShare,
      evaluationNote:
        artifacts.dataset.n > maxExactLossPoints ? 'approximate (far field, rel. error ≤ 1e-3)' : undefined,
      histograms: sent.histograms ? run.histograms : undefined,
      thickness: points ? ringThickness(points) : undefined,
      ringArcs: points ? ringArcs(points) : undefined,
      epochsPerSecond: run.epochsPerSecond,
      remainingSeconds: remainingSeconds(run),
      progress,
      error,
      notice,
    };
    if (!run.runInfoSent) {
      result.runInfo = runInfo(run);
      run.runInfoSent = true;
    }
    return result;
  }

  /** Before any run exists: what the UI needs to show an error or progress. */
  function emptyFrame(): Frame {
    if (!requested) throw new Error('configure() has not been called');
    return {
      runId: latestRunId,
      version,
      status: status(),
      config: requested,
      epoch: 0,
      nEpochs: requested.epochs,
      learningRate: requested.learningRate,
      embedding: new Float32Array(0),
      embeddingHash: embeddingFingerprint(new Float32Array(0)),
      actual: [],
      evaluations: [],
      cadence: 1,
      evaluationShare: 0,
      epochsPerSecond: 0,
      progress,
      error,
      notice,
    };
  }

  function runInfo({ artifacts, inputThickness, optimizer, threadsMessage }: Run): RunInfo {
    const { dataset, graph, degrees } = artifacts;
    let degreeSum = 0;
    for (const d of degrees) degreeSum += d;
    return {
      datasetName: dataset.name,
      n: dataset.n,
      dim: dataset.dim,
      hue: dataset.hue,
      labels: dataset.labels,
      labelNames: dataset.labelNames,
      edgeCount: graph.cols.length / 2,
      meanDegree: degreeSum / dataset.n,
      inputThickness,
      degrees: Float32Array.from(degrees),
      threads: optimizer.threads,
      message:
        [artifacts.initMessage, threadsMessage]
          .filter((text): text is string => Boolean(text))
          .map(asSentence)
          .join(' ') || undefined,
    };
  }

  function publish() {
    version += 1;
    if (waiters.length === 0 || pendingBuild) return;
    const next = frame();
    for (const resolve of waiters) resolve(next);
    waiters = [];
  }

  function ensureTick() {
    if (tickScheduled) return;
    tickScheduled = true;
    schedule(tick);
  }

  function startRun(config: ExplorerConfig, artifacts: Artifacts) {
    const { optimizer, threadsMessage } = createRunOptimizer(config, artifacts, 0, options.parallel);
    // After the new optimizer exists (so a failure leaves the old run whole), before it runs an
    // epoch: a parallel optimizer's helper threads serve one run at a time.
    run?.optimizer.dispose();
    latestRunId += 1;
    const points = ringPoints(artifacts.dataset, artifacts.dataset.points, config);
    const nuStar = targetSimilarities(artifacts.graph, config.m);
    run = {
      id: latestRunId,
      config,
      artifacts,
      optimizer,
      threadsMessage,
      budget: createEvaluationBudget(evaluationShare, config.epochs),
      histograms: {
        mu: similarityHistogram(artifacts.graph.values),
        nuStar: similarityHistogram(nuStar),
        nu: null,
        nuEpoch: 0,
        pairs: null,
      },
      inputThickness: points && artifacts.dataset.dim === 2 ? ringThickness(points) : undefined,
      runInfoSent: false,
      epochsPerSecond: 0,
      nuStar,
      rate: createRateMeter(),
      lastSliceEnd: Number.NEGATIVE_INFINITY,
    };
    outbox = { actual: [], evaluations: [], histograms: true };
    lastHistogramAt = Number.NEGATIVE_INFINITY;
    evaluate(run);
  }

  const cancelGeneration = options.cancelGeneration ?? (() => 0);

  function build(config: ExplorerConfig) {
    cancelRequested = false;
    const generation = cancelGeneration();
    /** The stage whose progress is being reported, and when it started (its time-left estimate). */
    let timedStage: Stage | null = null;
    let stageStartedAt = now();
    try {
      const artifacts = cache.build(
        config,
        external,
        (stage, fraction) => {
          if (stage !== timedStage) {
            timedStage = stage;
            stageStartedAt = now();
          }
          const remainingSeconds = stageRemainingSeconds((now() - stageStartedAt) / 1000, fraction);
          const report = { stage, fraction, remainingSeconds };
          progress = report;
          options.onProgress?.(report);
        },
        () => cancelRequested || cancelGeneration() !== generation,
      );
      startRun(config, artifacts);
      error = undefined;
    } catch (caught) {
      error = messageOf(caught);
      if (!(caught instanceof UserError || caught instanceof CancelledError)) console.error(caught);
      // A new id either way: the UI, which drops frames of superseded runs, accepts the error's frame
      // (with no run yet, it would otherwise wait forever for the run it was told is starting) and
      // the frames of the previous run, which goes on.
      latestRunId += 1;
      if (run) {
        run.id = latestRunId;
        run.runInfoSent = false;
        outbox.histograms = true;
      }
    } finally {
      progress = undefined;
    }
  }

  function evaluate(current: Run) {
    const { artifacts, optimizer, config } = current;
    const epoch = optimizer.epoch;
    // Above maxExactLossPoints the far-field approximation (core/losses/farField.ts) replaces the O(n²) sum.
    const started = now();
    const losses = evaluateLosses(artifacts.graph, optimizer.embedding, {
      a: artifacts.a,
      b: artifacts.b,
      m: config.m,
      degrees: artifacts.degrees,
      approximate: artifacts.dataset.n > maxExactLossPoints,
    });
    current.budget.recordEvaluation((now() - started) / 1000);
    outbox.evaluations.push({ epoch, ...losses });
    refreshNuHistogram(current);
  }

  function refreshNuHistogram(current: Run) {
    const { artifacts, optimizer } = current;
    if (now() - lastHistogramAt < HISTOGRAM_INTERVAL_MS && optimizer.epoch < optimizer.nEpochs) return;
    lastHistogramAt = now();
    const nu = embeddingSimilarities(artifacts.graph, optimizer.embedding, artifacts.a, artifacts.b);
    current.histograms = { ...current.histograms, nu: similarityHistogram(nu), nuEpoch: optimizer.epoch };
    current.histograms.pairs = pairViews(artifacts.graph.values, current.nuStar, nu);
    outbox.histograms = true;
  }

  function runSlice(current: Run) {
    const { optimizer, budget } = current;
    const sliceStart = now();
    let epochs = 0;
    let epochTime = 0;
    while (optimizer.epoch < optimizer.nEpochs && (playing || stepsRequested > 0)) {
      const started = now();
      const [stats] = optimizer.step(1);
      const elapsed = now() - started;
      epochTime += elapsed;
      budget.recordEpochs(1, elapsed / 1000);
      epochs += 1;
      if (stepsRequested > 0) stepsRequested -= 1;
      outbox.actual.push({ epoch: stats.epoch, actual: stats.actual });
      const done = optimizer.epoch >= optimizer.nEpochs;
      if (budget.isDue(optimizer.epoch) || done) evaluate(current);
      if (now() - sliceStart >= sliceMs) break;
    }
    if (epochTime > 0) current.epochsPerSecond = (1000 * epochs) / epochTime;
    if (optimizer.epoch >= optimizer.nEpochs) {
      playing = false;
      stepsRequested = 0;
    }
    refreshNuHistogram(current);
    // The pace in wall time: from the end of the previous slice (publishing and scheduling count
    // too), or from this slice's start when the run was paused in between.
    const sliceEnd = now();
    const from = sliceEnd - current.lastSliceEnd < 1000 ? current.lastSliceEnd : sliceStart;
    current.rate.record(epochs, (sliceEnd - from) / 1000);
    current.lastSliceEnd = sliceEnd;
  }

  function tick() {
    tickScheduled = false;
    if (pendingBuild) {
      const config = pendingBuild;
      pendingBuild = null;
      build(config);
    } else if (run && (playing || stepsRequested > 0)) {
      runSlice(run);
    }
    publish();
    if (pendingBuild || (run && (playing || stepsRequested > 0))) ensureTick();
  }

  return {
    /** Applies a configuration: live parameters at once, anything else by a rebuild from the first changed stage. */
    configure(next: ExplorerConfig): ChangeReport {
      const reference = pendingBuild ?? run?.config ?? null;
      // A newly loaded CSV under the same config is a dataset change: compare with the id last planned for.
      const previousDatasetId = plannedDatasetId ?? external?.id;
      const plan = planChange(reference, next, previousDatasetId, external?.id);
      const summary = changeSummary(
        reference,
        next,
        plan,
        next.dataset === 'csv' && reference?.dataset === 'csv' && previousDatasetId !== external?.id,
      );
      plannedDatasetId = external?.id;
      requested = next;
      notice = undefined;
      error = undefined;
      if (plan.rebuild.length > 0 || !run) {
        pendingBuild = next;
        ensureTick();
        return {
          applied: 'restart',
          rebuild: plan.rebuild,
          live: plan.live,
          runId: latestRunId + 1,
          summary,
        };
      }
      if (plan.live.includes('m')) {
        run.optimizer.setNegativeSampleRate(next.m);
        run.nuStar = targetSimilarities(run.artifacts.graph, next.m);
        run.histograms = {
          ...run.histograms,
          nuStar: similarityHistogram(run.nuStar),
        };
        outbox.histograms = true;
        // The pair views compare ν with the new ν*: refresh them now rather than at the next tick.
        if (run.histograms.pairs) {
          lastHistogramAt = Number.NEGATIVE_INFINITY;
          refreshNuHistogram(run);
        }
      }
      if (plan.live.includes('learningRate')) run.optimizer.setLearningRate(next.learningRate);
      run.config = next;
      publish();
      return {
        applied: plan.live.length > 0 ? 'live' : 'none',
        rebuild: [],
        live: plan.live,
        runId: run.id,
        summary,
      };
    },

    /** A dataset from outside the generators (a CSV, the bundled digits); configure() then uses it. */
    loadDataset(dataset: ExternalDataset) {
      external = dataset;
    },

    play() {
      playing = true;
      ensureTick();
    },
    pause() {
      playing = false;
      stepsRequested = 0;
      publish();
    },
    step(epochs = 1) {
      stepsRequested += epochs;
      ensureTick();
    },
    /** Restarts the optimizer from the initial layout, keeping every cached stage. */
    reset() {
      if (!run) return;
      playing = false;
      stepsRequested = 0;
      startRun(run.config, run.artifacts);
      publish();
    },
    /** Aborts a build in progress (kNN, graph, spectral init); the previous run stays. */
    cancel() {
      cancelRequested = true;
    },

    /** Resolves with the next frame newer than `afterVersion`: at most one frame is in flight. */
    pullFrame(afterVersion = -1): Promise<Frame> {
      if (version > afterVersion && !pendingBuild && requested) return Promise.resolve(frame());
      return new Promise((resolve) => waiters.push(resolve));
    },

    /**
     * Fig. 3's mean ± std loss curves: the current configuration for `seeds` optimizer seeds, one
     * after another, evaluating the losses every `every` epochs. Resolves with null if cancelled.
     */
    async runSeeds(seeds = 7, every = 5): Promise<MultiSeedCurves | null> {
      if (!run) throw new UserError('Start a run first.');
      const { config, artifacts } = run;
      playing = false;
      cancelRequested = false;
      const generation = cancelGeneration();
      let lastPause = now();
      const seedsStartedAt = now();
      try {
        return await runSeeds(config, artifacts, {
          seeds,
          every,
          shouldCancel: () => cancelRequested || cancelGeneration() !== generation,
          pause: async (fraction) => {
            if (now() - lastPause < sliceMs) return;
            const remainingSeconds = stageRemainingSeconds((now() - seedsStartedAt) / 1000, fraction);
            progress = { stage: 'seeds', fraction, remainingSeconds };
            publish();
            await new Promise<void>((resolve) => schedule(resolve));
            lastPause = now();
          },
        });
      } finally {
        progress = undefined;
        publish();
      }
    },

    /**
     * Table 1 with the paper's recipe (docs/algorithm.md §3.5): `options.config` (default: the
     * configuration last asked for) for seeds 0 … seeds − 1, each seeding the data too, `epochs`
     * epochs per run on one thread, the dense-φ row too with `dense`; mean ± std of the purported
     * and effective losses (engine/table1.ts). Pauses the current run. Progress (epochs of all runs,
     * the time left) goes to `onProgress` at most every 250 ms. Resolves with null if cancelled
     * (cancel(), or the shared cancel cell), as runSeeds.
     */
    async runTable1(
      options: Table1Request,
      onProgress?: (progress: Table1Progress) => void,
    ): Promise<Table1Seeds | null> {
      const base = options.config ?? requested ?? run?.config;
      if (!base) throw new UserError('Start a run first.');
      playing = false;
      stepsRequested = 0;
      cancelRequested = false;
      const generation = cancelGeneration();
      publish();
      let lastPause = now();
      let lastReport = Number.NEGATIVE_INFINITY;
      return runTable1(base, options, {
        external,
        now,
        shouldCancel: () => cancelRequested || cancelGeneration() !== generation,
        report: async (progress) => {
          if (now() - lastReport >= 250) {
            lastReport = now();
            onProgress?.(progress);
          }
          if (now() - lastPause < sliceMs) return;
          await new Promise<void>((resolve) => schedule(resolve));
          lastPause = now();
        },
      });
    },

    /**
     * Table 1 for the current dataset (2-D only): the μ row from the latest run with UMAP's
     * similarities, the dense-φ row from the latest run with dense similarities, if there was one.
     */
    lossTable(): LossTableRow[] {
      if (!run) throw new UserError('Start a run first.');
      const { config, artifacts, optimizer } = run;
      const datasetKey = stageKeys(config, external?.id).dataset;
      if (config.similarity === 'umap' || config.similarity === 'dense') {
        tableResults.set(`${datasetKey}|${config.similarity}`, {
          graph: artifacts.graph,
          embedding: optimizer.embedding.slice(),
        });
      }
      const mu = tableResults.get(`${datasetKey}|umap`);
      if (!mu) throw new UserError('Table 1 needs a run with UMAP similarities μ on this dataset first.');
      if (artifacts.dataset.dim !== 2)
        throw new UserError('Table 1 needs 2-D data for its input-layout column.');
      const dense = tableResults.get(`${datasetKey}|dense`);
      return lossTable({
        graph: mu.graph,
        umapResult: mu.embedding,
        input: artifacts.dataset.points,
        denseGraph: dense?.graph,
        denseResult: dense?.embedding,
        a: artifacts.a,
        b: artifacts.b,
        m: config.m,
      });
    },

    /**
     * Brushing a pair view: the sorted, distinct points i and j of every stored pair whose (x, y) lies
     * in `box` (bounds included), x = ν* (view 'target') or μ (view 'mu'), y = ν of the current
     * embedding. Empty without a run.
     */
    pairPoints(view: 'target' | 'mu', box: PairBox): Int32Array {
      if (!run) return new Int32Array(0);
      const { artifacts, optimizer } = run;
      const nu = embeddingSimilarities(artifacts.graph, optimizer.embedding, artifacts.a, artifacts.b);
      const x = view === 'target' ? run.nuStar : artifacts.graph.values;
      return pairPointsInBox(artifacts.graph, x, nu, box);
    },

    get status(): RunStatus {
      return status();
    },
    get currentConfig(): ExplorerConfig | null {
      return run?.config ?? null;
    },
    get currentRun(): Readonly<Run> | null {
      return run;
    },
  };
}

export type Engine = ReturnType<typeof createEngine>;
