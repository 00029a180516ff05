/** Cadences the budget chooses from, so the UI can say "every 5 epochs" rather than "every 7". */
const NICE_CADENCES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

/** Every run of at least this many epochs gets at least this many evaluations, whatever they cost. */
export const MIN_EVALUATIONS = 100;

/**
 * The largest cadence that still gives a run of `nEpochs` epochs MIN_EVALUATIONS evaluations spread
 * over it: the largest nice cadence ≤ nEpochs / 100 (500 epochs → 5, 200 → 2, 10 000 → 100);
 * unbounded for shorter runs or when nEpochs is not known.
 */
export function maxCadence(nEpochs?: number): number {
  if (nEpochs === undefined || !(nEpochs >= MIN_EVALUATIONS)) return Number.POSITIVE_INFINITY;
  const limit = nEpochs / MIN_EVALUATIONS;
  return NICE_CADENCES.filter((c) => c <= limit).at(-1) ?? 1;
}

/**
 * Decides how often to evaluate the O(n²) purported and effective losses so that they take at most
 * `share` of the worker's time (docs/design.md, "Evaluation budget"). It learns the cost of an epoch and of
 * an evaluation as the run goes and picks the smallest nice cadence c with E / (E + c·P) ≤ share —
 * but never above `maxCadence(nEpochs)`, so that a run of ≥ 100 epochs has ≥ 100 evaluated epochs
 * spread over it (the loss curves stay honest), even where that costs more than the share.
 */
export function createEvaluationBudget(share = 0.25, nEpochs?: number) {
  const cap = maxCadence(nEpochs);
  let epochSeconds = 0;
  let evaluationSeconds = 0;
  let epochsTimed = 0;
  let evaluationsTimed = 0;
  let cadence = 1;

  function update() {
    if (epochsTimed === 0 || evaluationsTimed === 0) return;
    const perEpoch = epochSeconds / epochsTimed;
    const perEvaluation = evaluationSeconds / evaluationsTimed;
    const needed = (perEvaluation * (1 - share)) / (share * Math.max(perEpoch, 1e-9));
    const byShare = NICE_CADENCES.find((c) => c >= needed) ?? NICE_CADENCES[NICE_CADENCES.length - 1];
    cadence = Math.min(byShare, cap);
  }

  return {
    get cadence() {
      return cadence;
    },
    /** Share of the timed work spent evaluating so far. */
    get evaluationShare() {
      const total = epochSeconds + evaluationSeconds;
      return total > 0 ? evaluationSeconds / total : 0;
    },
    isDue: (epoch: number) => epoch % cadence === 0,
    recordEpochs(count: number, seconds: number) {
      epochsTimed += count;
      epochSeconds += seconds;
      update();
    },
    recordEvaluation(seconds: number) {
      evaluationsTimed += 1;
      evaluationSeconds += seconds;
      update();
    },
  };
}

export type EvaluationBudget = ReturnType<typeof createEvaluationBudget>;
