import { describe, expect, it } from 'vitest';
import { createEvaluationBudget } from './evaluationBudget';

describe('createEvaluationBudget', () => {
  it('evaluates every epoch when evaluation is cheap', () => {
    const budget = createEvaluationBudget(0.25);
    budget.recordEpochs(10, 0.1);
    budget.recordEvaluation(0.001);
    expect(budget.cadence).toBe(1);
  });

  it('chooses the smallest nice cadence that keeps evaluation within its share', () => {
    const budget = createEvaluationBudget(0.25);
    // An epoch costs 4 ms, an evaluation 50 ms: c ≥ 50·0.75/(0.25·4) = 37.5 → every 50 epochs.
    budget.recordEpochs(100, 0.4);
    budget.recordEvaluation(0.05);
    expect(budget.cadence).toBe(50);
    expect(budget.isDue(100)).toBe(true);
    expect(budget.isDue(120)).toBe(false);
    // Running at that cadence, evaluation takes 50 / (50 + 50·4) = 20 % ≤ 25 % of the time.
    const spentEvaluating = 0.05 / (0.05 + budget.cadence * 0.004);
    expect(spentEvaluating).toBeLessThanOrEqual(0.25);
  });
});
