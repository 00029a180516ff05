/** Time estimates for the readouts and progress bars: how long a stage or a run still takes. */

/** No estimate before this share of a stage is done, nor before this many seconds have passed. */
export const MIN_ESTIMATE_FRACTION = 0.05;
export const MIN_ESTIMATE_SECONDS = 0.5;

/**
 * Seconds a stage still takes if it goes on at the pace it had so far: elapsed · (1 − f) / f, once
 * f ≥ 0.05 and 0.5 s have passed (earlier guesses jump about); undefined before.
 */
export function stageRemainingSeconds(elapsedSeconds: number, fraction: number): number | undefined {
  if (!(fraction >= MIN_ESTIMATE_FRACTION) || !(elapsedSeconds >= MIN_ESTIMATE_SECONDS)) return undefined;
  return (elapsedSeconds * (1 - Math.min(fraction, 1))) / fraction;
}

/**
 * Epochs per second of wall time, smoothed: epochs and seconds are both summed with weights that
 * halve every `halfLifeSeconds` of recorded time, so the rate follows a change of pace (a live m,
 * a heavier evaluation cadence) within a few seconds without jumping with every slice.
 */
export function createRateMeter(halfLifeSeconds = 2) {
  let epochs = 0;
  let seconds = 0;
  return {
    record(epochCount: number, elapsedSeconds: number) {
      if (!(elapsedSeconds > 0)) return;
      const keep = 0.5 ** (elapsedSeconds / halfLifeSeconds);
      epochs = epochs * keep + epochCount;
      seconds = seconds * keep + elapsedSeconds;
    },
    /** 0 until something was recorded. */
    get perSecond(): number {
      return seconds > 0 ? epochs / seconds : 0;
    },
  };
}

export type RateMeter = ReturnType<typeof createRateMeter>;

/**
 * A stage-progress callback that adds the time left to each report: from the elapsed time since the
 * reported stage started (the first report of a new stage restarts the clock) and its fraction.
 */
export function timedStageProgress<S extends string>(
  now: () => number,
  report: (progress: { stage: S; fraction: number; remainingSeconds?: number }) => void,
): (stage: S, fraction: number) => void {
  let timedStage: S | null = null;
  let stageStartedAt = now();
  return (stage, fraction) => {
    if (stage !== timedStage) {
      timedStage = stage;
      stageStartedAt = now();
    }
    report({
      stage,
      fraction,
      remainingSeconds: stageRemainingSeconds((now() - stageStartedAt) / 1000, fraction),
    });
  };
}
