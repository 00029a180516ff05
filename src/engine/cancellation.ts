/**
 * Cancelling the engine's long tasks (builds, CSV loads, multi-seed runs, Table 1): by a call, or by
 * another thread bumping a shared counter, which a synchronous stage such as kNN (it cannot receive
 * a message) polls between blocks.
 */
export function createCancellation(generation: () => number = () => 0) {
  let requested = false;
  return {
    cancel() {
      requested = true;
    },
    /** Starts a task: the function it polls, true once cancel() is called or the counter moves. */
    begin(): () => boolean {
      requested = false;
      const started = generation();
      return () => requested || generation() !== started;
    },
  };
}

export type Cancellation = ReturnType<typeof createCancellation>;

/**
 * The shared counters the page bumps and the run worker polls, one Int32 each in one buffer: the
 * run's (builds, loads, tasks) and the audit's, apart so that cancelling one leaves the other going.
 */
export const CANCEL_CELLS = { run: 0, audit: 1 } as const;
