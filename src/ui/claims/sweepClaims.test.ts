import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/config';
import type { SweepPanel } from '../../engine/sweep';
import type { SweepView } from '../../state/store';
import { SWEEP_FLAT_CHANGE, SWEEP_TREND_CHANGE } from './criteria';
import { sweepTrendClaim } from './sweepClaims';

/** A finished spectrum sweep whose panels have these recalls. */
function sweepOf(recalls: number[], status: SweepView['status'] = 'done'): SweepView {
  const panels = recalls.map(
    (recall, index): SweepPanel => ({
      value: index / (recalls.length - 1),
      config: defaultConfig,
      embedding: new Float32Array(0),
      colours: { kind: 'hue', hue: new Float32Array(0) },
      metrics: {
        knnRecall10: recall,
        finalLoss: 1,
        ringThickness: recall,
        inputRingThickness: 0.5,
        nearOneShare: 0.5,
      },
      seconds: 1,
    }),
  );
  return {
    spec: { parameter: 'spectrum', from: 0, to: 1, count: recalls.length, scale: 'linear' },
    base: defaultConfig,
    panels,
    count: recalls.length,
    aligned: true,
    notices: [],
    status,
  };
}

const falls = {
  id: 'recall',
  claim: 'recall falls with s',
  metric: 'knnRecall10' as const,
  direction: 'falls' as const,
  parameter: 'spectrum' as const,
};

describe('sweep claims', () => {
  it('reproduced when the metric moves the claimed way by more than the threshold, first panel to last', () => {
    const claim = sweepTrendClaim(sweepOf([0.3, 0.28, 0.25]), falls);
    expect(claim.verdict).toBe('reproduced');
    expect(claim.values.change).toBeCloseTo(-1 / 6, 12);
    expect(claim.measured).toBe('10-NN recall: 0.3 (s = 0), 0.28 (s = 0.5), 0.25 (s = 1)');
  });

  it('differs when it moves the other way or by less than the threshold; pending while running', () => {
    expect(sweepTrendClaim(sweepOf([0.25, 0.3]), falls).verdict).toBe('differs');
    const flat = 0.3 * (1 - SWEEP_TREND_CHANGE / 2);
    expect(sweepTrendClaim(sweepOf([0.3, flat]), falls).verdict).toBe('differs');
    expect(sweepTrendClaim(sweepOf([0.3, 0.1], 'running'), falls).verdict).toBe('pending');
    expect(sweepTrendClaim(sweepOf([0.3, 0.1]), { ...falls, parameter: 'm' }).verdict).toBe('pending');
    expect(sweepTrendClaim(null, falls).verdict).toBe('pending');
  });

  it('stays when the metric moves by at most SWEEP_FLAT_CHANGE either way', () => {
    const stays = { ...falls, direction: 'stays' as const };
    expect(sweepTrendClaim(sweepOf([0.3, 0.3 * (1 + SWEEP_FLAT_CHANGE / 2)]), stays).verdict).toBe(
      'reproduced',
    );
    expect(sweepTrendClaim(sweepOf([0.3, 0.3 * (1 - 2 * SWEEP_FLAT_CHANGE)]), stays).verdict).toBe('differs');
  });
});
