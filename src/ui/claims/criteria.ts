/** What the verdicts test, and the paper's numbers they test against. */

// ——— Criteria: what the verdicts test, in one place ———

/** "The ring contracts" (Fig. 1b): its width at most 60 % of the input's (e2e/controls.spec.ts uses the same bound). */
export const CONTRACTED_RATIO = 0.6;

/** "The ring no longer contracts" (§7.3): its width at least 90 % of the input's. */
export const KEPT_RATIO = 0.9;

/** "The ring widens" (Fig. 1d): wider than the input. */
export const WIDENED_RATIO = 1;

/** "The effective loss tracks the actual loss" (Fig. 3): median relative gap at most 10 %. */
export const TRACKING_GAP = 0.1;

/** A ratio "reproduces" the paper's size when it is within a factor of 3 of it. */
export const SIZE_FACTOR = 3;

/** A sweep's metric "falls" or "rises" when it moves by more than 2 % of its first value, first panel to last. */
export const SWEEP_TREND_CHANGE = 0.02;

/** A sweep's metric "stays" when it moves by at most 10 % of its first value, first panel to last. */
export const SWEEP_FLAT_CHANGE = 0.1;

/** "Piles up near 1": more than half of the pairs at or above 0.8. */
export const PILED_SHARE = 0.5;

/** "The clusters still separate": k-NN label agreement at least 50 %. */
export const SEPARATED_AGREEMENT = 0.5;

// ——— The paper's numbers (only these, and Table 1's in engine/table1Reference.ts, are typed in) ———

/** App. G (C. elegans, n = 86 024, k = 30, 750 epochs; docs/algorithm.md §3.8): losses of the final layout. */
export const PAPER_C_ELEGANS = { n: 86_024, purported: 3.64e8, effective: 3.21e5 } as const;

/** Appendix H.4's bound: μ above 0.2 maps to ν* above 0.83 (k = 15, m = 5, n = 500, dᵢ ≈ log₂ k). */
export const PAPER_H4 = { k: 15, m: 5, n: 500, mu: 0.2, nuStar: 0.83 } as const;

/** §6.1 (Fig. 1d): the dense graph's mean degree is about 100, the repulsion weight about 0.5. */
export const PAPER_DENSE = { degree: 100, weight: 0.5 } as const;
