/**
 * Wall-clock and memory probes. Node's event loop is blocked while a stage runs, so a timer cannot
 * sample memory; instead the stages call `sample()` from their progress callbacks and after every
 * epoch, and the peak is the highest RSS seen. RSS is process-wide: garbage of an earlier stage that
 * the allocator has not returned to the OS counts too, which `collectGarbage` limits.
 */

export interface RssSampler {
  sample(): void;
  /** Highest RSS sampled since creation, in MB. */
  peakMb(): number;
}

export function createRssSampler(): RssSampler {
  let peak = process.memoryUsage.rss();
  return {
    sample: () => {
      const rss = process.memoryUsage.rss();
      if (rss > peak) peak = rss;
    },
    peakMb: () => peak / 2 ** 20,
  };
}

/** Runs a full collection when node was started with --expose-gc (the npm script does). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
}

export function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = run();
  return { ms: performance.now() - start, value };
}
