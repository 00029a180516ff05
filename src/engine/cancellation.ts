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
