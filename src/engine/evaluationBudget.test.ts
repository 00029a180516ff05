import { describe, expect, it } from 'vitest';
import { createEvaluationBudget, maxCadence } from './evaluationBudget';

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

  it('never goes above nEpochs / 100 for runs of ≥ 100 epochs, however costly the evaluation', () => {
    // The same costs as above want every 50 epochs; a 500-epoch run gets every 5 (101 evaluations).
    const budget = createEvaluationBudget(0.25, 500);
    budget.recordEpochs(100, 0.4);
    budget.recordEvaluation(0.05);
    expect(budget.cadence).toBe(5);
    // Below the cap the share rule still decides: cheap evaluations, every epoch.
    const cheap = createEvaluationBudget(0.25, 500);
    cheap.recordEpochs(10, 0.1);
    cheap.recordEvaluation(0.001);
    expect(cheap.cadence).toBe(1);
    // A 10 000-epoch run whose evaluations cost 1000 epochs each: every 100, not every 1000.
    const long = createEvaluationBudget(0.25, 10_000);
    long.recordEpochs(10, 0.01);
    long.recordEvaluation(1);
    expect(long.cadence).toBe(100);
  });
});

describe('maxCadence', () => {
  it('is the largest nice cadence ≤ nEpochs / 100, unbounded below 100 epochs', () => {
    expect(maxCadence(500)).toBe(5);
    expect(maxCadence(10_000)).toBe(100);
    expect(maxCadence(200)).toBe(2);
    expect(maxCadence(300)).toBe(2);
    expect(maxCadence(100)).toBe(1);
    expect(maxCadence(1_000_000)).toBe(1000);
    expect(maxCadence(99)).toBe(Number.POSITIVE_INFINITY);
    expect(maxCadence(undefined)).toBe(Number.POSITIVE_INFINITY);
  });
});
