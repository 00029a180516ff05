import { CancelledError } from '../core/cancel';
import { UserError } from '../core/errors';
import type { LossTableRow } from '../core/losses';
import { createCancellation } from './cancellation';
import { changeSummary } from './changeSummary';
import { type ExplorerConfig, planChange, type Stage } from './config';
import { createDataSources } from './dataSources';
import { type EngineOptions, withDefaults } from './engineOptions';
import type { ChangeReport, Frame, RunStatus, StageProgressReport } from './frame';
import { createFramePublisher, emptyFrame, emptyOutbox, runFrame } from './frames';
import { createLatestRunsTable } from './latestRunsTable';
import { evaluateRun } from './lossEvaluation';
import type { MultiSeedCurves, SliceLoop } from './multiSeed';
import type { PairBox } from './pairViews';
import { type Artifacts, createRunOptimizer, createStageCache } from './pipeline';
import { applyLive, createRun, pairPointsOf, type Run } from './run';
import { runSlice } from './runSlice';
import { type SliceProgress, seedsTask, slicedTask, sweepTask, table1Task } from './seedTasks';
import type { SweepPanel, SweepProgress, SweepResult, SweepSpec } from './sweep';
import type { Table1Progress, Table1Request, Table1Seeds } from './table1';
import { timedStageProgress } from './timeEstimates';

export type { EngineOptions };

function messageOf(error: unknown): string {
  if (error instanceof UserError || error instanceof CancelledError) return error.message;
  return `Internal error: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * Owns a run and its lifecycle: configure (live or by a rebuild of the stages that changed), play,
 * pause, step, reset (docs/design.md). The pipeline (pipeline/), the frames (frames.ts), the loss
 * evaluation (lossEvaluation.ts), the loaded datasets (dataSources.ts) and the multi-seed tasks
 * (seedTasks.ts) are modules of their own. Plain module: the worker exposes it with comlink, tests
 * drive it in Node.
 */
export function createEngine(engineOptions: EngineOptions = {}) {
  const options = withDefaults(engineOptions);
  const { schedule, now } = options;

  const cache = createStageCache();
  const cancellation = createCancellation(options.cancelGeneration);
  const sources = createDataSources(cancellation, options.onProgress);
  const latestRunsTable = createLatestRunsTable();
  /** The CSV id the latest configure() planned with: a new file under the same configuration is a change. */
  let plannedCsvId: string | undefined;
  let run: Run | null = null;
  let pendingBuild: ExplorerConfig | null = null;
  /** The configuration last asked for, shown with an error when no run exists yet. */
  let requested: ExplorerConfig | null = null;
  let latestRunId = 0;
  let playing = false;
  let stepsRequested = 0;
  let tickScheduled = false;
  let progress: StageProgressReport | undefined;
  let error: string | undefined;
  let outbox = emptyOutbox();

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

  const frames = createFramePublisher(
    (version) => {
      const state = { version, status: status(), progress, error };
      if (!run) {
        if (!requested) throw new Error('configure() has not been called');
        return emptyFrame(latestRunId, requested, state);
      }
      const sent = outbox;
      outbox = emptyOutbox();
      return runFrame(run, sent, { ...state, remainingSeconds: remainingSeconds(run) });
    },
    () => !pendingBuild && requested !== null,
  );

  function ensureTick() {
    if (tickScheduled) return;
    tickScheduled = true;
    schedule(tick);
  }

  function startRun(config: ExplorerConfig, artifacts: Artifacts) {
    const optimizer = createRunOptimizer(config, artifacts, { parallel: options.parallel });
    // After the new optimizer exists (so a failure leaves the old run whole), before it runs an
    // epoch: a parallel optimizer's helper threads serve one run at a time.
    run?.optimizer.dispose();
    latestRunId += 1;
    run = createRun(latestRunId, config, artifacts, optimizer, options);
    outbox = emptyOutbox(true);
    evaluateRun(run, outbox, now);
  }

  function build(config: ExplorerConfig) {
    const shouldCancel = cancellation.begin();
    const onProgress = timedStageProgress<Stage>(now, (report) => {
      progress = report;
      options.onProgress?.(report);
    });
    try {
      startRun(config, cache.build(config, sources.externalFor(config), onProgress, shouldCancel));
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

  function tick() {
    tickScheduled = false;
    if (pendingBuild) {
      const config = pendingBuild;
      pendingBuild = null;
      build(config);
    } else if (run && (playing || stepsRequested > 0)) {
      const ran = runSlice(run, outbox, playing ? Number.POSITIVE_INFINITY : stepsRequested, options);
      stepsRequested = Math.max(0, stepsRequested - ran);
      if (run.optimizer.epoch >= run.optimizer.nEpochs) {
        playing = false;
        stepsRequested = 0;
      }
    }
    frames.publish();
    if (pendingBuild || (run && (playing || stepsRequested > 0))) ensureTick();
  }

  /**
   * Stops the run in favour of a long task (multi-seed runs, Table 1, a sweep, runTask), which then
   * yields between slices; the page learns at once that the run paused.
   */
  function pauseFor(): () => boolean {
    playing = false;
    stepsRequested = 0;
    frames.publish();
    return cancellation.begin();
  }

  return {
    /** Applies a configuration: live parameters at once, anything else by a rebuild from the first changed stage. */
    configure(next: ExplorerConfig): ChangeReport {
      const reference = pendingBuild ?? run?.config ?? null;
      // A newly loaded CSV under the same config is a dataset change: compare with the id last planned for.
      const previousCsvId = plannedCsvId ?? sources.csvId;
      const plan = planChange(reference, next, previousCsvId, sources.csvId);
      const newCsv =
        next.dataset === 'csv' && reference?.dataset === 'csv' && previousCsvId !== sources.csvId;
      const summary = changeSummary(reference, next, plan, newCsv);
      plannedCsvId = sources.csvId;
      requested = next;
      error = undefined;
      if (plan.rebuild.length > 0 || !run) {
        pendingBuild = next;
        ensureTick();
        return { applied: 'restart', ...plan, runId: latestRunId + 1, summary };
      }
      applyLive(run, next, plan.live, outbox, now);
      frames.publish();
      return { applied: plan.live.length > 0 ? 'live' : 'none', ...plan, runId: run.id, summary };
    },

    loadBundledDigits: sources.loadBundledDigits,
    inspectCsv: sources.inspectCsv,
    loadCsv: sources.loadCsv,

    play() {
      playing = true;
      ensureTick();
    },
    pause() {
      playing = false;
      stepsRequested = 0;
      frames.publish();
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
      frames.publish();
    },
    /** Aborts a build in progress (kNN, graph, spectral init), a CSV load or a multi-seed task; the run stays. */
    cancel: () => cancellation.cancel(),

    /** Resolves with the next frame newer than `afterVersion`: at most one frame is in flight. */
    pullFrame: (afterVersion = -1): Promise<Frame> => frames.pull(afterVersion),

    /**
     * Fig. 3's mean ± std loss curves: the current configuration for `seeds` optimizer seeds, one
     * after another, evaluating the losses every `every` epochs. Resolves with null if cancelled.
     */
    async runSeeds(seeds = 7, every = 5): Promise<MultiSeedCurves | null> {
      if (!run) throw new UserError('Start a run first.');
      const shouldCancel = pauseFor();
      try {
        return await seedsTask(run, { seeds, every, shouldCancel }, options, (report) => {
          progress = report;
          frames.publish();
        });
      } finally {
        progress = undefined;
        frames.publish();
      }
    },

    /**
     * Table 1 with the paper's recipe (docs/algorithm.md §3.5, engine/table1.ts): `request.config`
     * (default: the configuration last asked for) over seeds. Pauses the current run; progress goes
     * to `onProgress` at most every 250 ms. Resolves with null if cancelled, as runSeeds.
     */
    async runTable1(
      request: Table1Request,
      onProgress?: (progress: Table1Progress) => void,
    ): Promise<Table1Seeds | null> {
      const base = request.config ?? requested ?? run?.config;
      if (!base) throw new UserError('Start a run first.');
      const shouldCancel = pauseFor();
      return table1Task(
        base,
        request,
        { external: sources.externalFor(base), shouldCancel },
        options,
        onProgress,
      );
    },

    /**
     * A parameter sweep (engine/sweep) from the configuration last asked for: one run per value, one
     * after another, each scored and aligned. Pauses the current run; progress to `onProgress` at
     * most every 250 ms, each panel to `onPanel` when done. Resolves with null if cancelled.
     */
    async runSweep(
      spec: SweepSpec,
      onProgress?: (progress: SweepProgress) => void,
      onPanel?: (panel: SweepPanel, index: number) => void,
    ): Promise<SweepResult | null> {
      const base = requested ?? run?.config;
      if (!base) throw new UserError('Start a run first.');
      const shouldCancel = pauseFor();
      return sweepTask(
        base,
        spec,
        { external: sources.externalFor(base), shouldCancel },
        options,
        onProgress,
        onPanel,
      );
    },

    /**
     * Work from beside the run that steps in slices (the audit's continuation, engine/auditSession.ts):
     * pauses the current run as a sweep does, yields between slices so that calls are answered and
     * frames go out, and stops on cancel(); its share done and time left go to `onProgress` at most
     * every 250 ms.
     */
    runTask<T>(
      task: (loop: SliceLoop) => Promise<T>,
      onProgress?: (progress: SliceProgress) => void,
    ): Promise<T> {
      const shouldCancel = pauseFor();
      return slicedTask(task, shouldCancel, options, onProgress);
    },

    /**
     * Table 1 for the current dataset (2-D only): the μ row from the latest run with UMAP's
     * similarities, the dense-φ row from the latest run with dense similarities, if there was one.
     */
    lossTable(): LossTableRow[] {
      if (!run) throw new UserError('Start a run first.');
      return latestRunsTable(run, sources.csvId);
    },

    /**
     * Brushing a pair view: the sorted, distinct points i and j of every stored pair whose (x, y) lies
     * in `box` (bounds included), x = ν* (view 'target') or μ (view 'mu'), y = ν of the current
     * embedding. Empty without a run.
     */
    pairPoints(view: 'target' | 'mu', box: PairBox): Int32Array {
      return run ? pairPointsOf(run, view, box) : new Int32Array(0);
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
