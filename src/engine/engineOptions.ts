/** How the engine is embedded: its scheduler and clock, its limits, the threads it may use. */
import type { StageProgressReport } from './frame';
import type { ParallelEpochs } from './pipeline';

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
  /** Progress of long stages and loads, pushed while the worker is busy (the UI cannot pull then). */
  onProgress?: (progress: StageProgressReport) => void;
  /** Helper threads for configurations with threads > 1; without them such runs use one thread. */
  parallel?: ParallelEpochs;
}

/** The options with their defaults: setTimeout, performance.now, 12 ms slices, 25 % for losses, exact up to 5 000. */
export function withDefaults(options: EngineOptions) {
  return {
    ...options,
    schedule: options.schedule ?? ((task: () => void) => setTimeout(task, 0)),
    now: options.now ?? (() => performance.now()),
    sliceMs: options.sliceMs ?? 12,
    evaluationShare: options.evaluationShare ?? 0.25,
    maxExactLossPoints: options.maxExactLossPoints ?? 5000,
  };
}
