import { describe, expect, it } from 'vitest';
import type { LossTableColumn, LossTableRow } from '../../core/losses';
import type { LossParts } from '../../core/types';
import { defaultConfig, type ExplorerConfig } from '../../engine/config';
import type { PairViews } from '../../engine/frame';
import type { MultiSeedCurves } from '../../engine/multiSeed';
import { presetClaims } from './claims';
import { CONTRACTED_RATIO, KEPT_RATIO, PAPER_C_ELEGANS, PAPER_H4, SIZE_FACTOR } from './criteria';
import { lossRatioClaim, trackingClaim } from './lossClaims';
import type { Claim, RunData } from './runData';
import { targetSimilarity } from './runMeasures';
import { separationClaim } from './separationClaim';
import { denseWeightClaim, followsClaim, pilesUpClaim, smallDataBoundClaim } from './similarityClaims';
import { table1Claims } from './table1Claims';
import { thicknessClaim } from './thicknessClaim';

/** A run on screen with nothing measured yet; tests fill in what they need. */
function run(overrides: Partial<RunData> = {}, config: Partial<ExplorerConfig> = {}): RunData {
  return {
    config: { ...defaultConfig, ...config },
    status: 'done',
    epoch: 500,
    nEpochs: 500,
    n: 1000,
    meanDegree: 5.83,
    histograms: null,
    latest: null,
    multiSeed: null,
    table: null,
    table1: null,
    labels: null,
    sweep: null,
    earlier: {},
    ...overrides,
  };
}

/** A 100-bin histogram with `counts[bin] = count` for the given bins. */
function histogram(entries: Record<number, number>): Float64Array {
  const counts = new Float64Array(100);
  for (const [bin, count] of Object.entries(entries)) counts[Number(bin)] = count;
  return counts;
}

function pairs(toTarget: number, toMu: number, nearerTarget: number): PairViews {
  return {
    bins: 40,
    nuVsTarget: new Uint32Array(1600),
    nuVsMu: new Uint32Array(1600),
    meanAbsNuMinusTarget: toTarget,
    meanAbsNuMinusMu: toMu,
    nearerTarget,
  };
}

const contracts = { kind: 'contracts' as const, claim: 'contracts' };

describe('thicknessClaim', () => {
  const ratio = (value: number, overrides: Partial<RunData> = {}) =>
    run({ thickness: value * 0.06, inputThickness: 0.06, ringArcs: 1, ...overrides });

  it('says "reproduced" for a contracted ring and prints the readout’s ratio', () => {
    const claim = thicknessClaim(ratio(0.37, { epoch: 10_000, nEpochs: 10_000 }), contracts);
    expect(claim.verdict).toBe('reproduced');
    expect(claim.values.ratio).toBeCloseTo(0.37, 12);
    expect(claim.measured).toContain('ring thickness / input = 0.37 after all 10,000 epochs');
  });

  it('differs when a finished run did not contract, and waits while it runs', () => {
    expect(thicknessClaim(ratio(0.98), contracts).verdict).toBe('differs');
    expect(thicknessClaim(ratio(0.98, { status: 'running', epoch: 1400 }), contracts).verdict).toBe(
      'pending',
    );
  });

  it('differs when the ring tore: the thickness no longer measures a width', () => {
    const claim = thicknessClaim(ratio(0.2, { ringArcs: 3 }), contracts);
    expect(claim.verdict).toBe('differs');
    expect(claim.why).toContain('3 arcs');
    expect(claim.measured).toContain('ring torn into 3 arcs');
  });

  it('compares with an earlier run when there is one (Fig. 1c against Fig. 1b)', () => {
    const earlier = { n: 1000, thicknessRatio: 0.37, label: 'Fig. 1b' };
    expect(thicknessClaim(ratio(0.3), contracts, earlier).verdict).toBe('reproduced');
    const worse = thicknessClaim(ratio(0.45), contracts, earlier);
    expect(worse.verdict).toBe('differs');
    expect(worse.measured).toContain('Fig. 1b ended at 0.37');
  });

  it('§7.3: kept at the end is reproduced, a contracted end differs, a run still above waits', () => {
    const keeps = { kind: 'keeps' as const, claim: 'keeps' };
    expect(thicknessClaim(ratio(0.98), keeps).verdict).toBe('reproduced');
    expect(thicknessClaim(ratio(0.5), keeps).verdict).toBe('differs');
    expect(thicknessClaim(ratio(1.5, { status: 'running' }), keeps).verdict).toBe('pending');
  });

  it('Fig. 1d: wider than the input is reproduced', () => {
    const widens = { kind: 'widens' as const, claim: 'widens' };
    expect(thicknessClaim(ratio(6.5), widens).verdict).toBe('reproduced');
    expect(thicknessClaim(ratio(0.9), widens).verdict).toBe('differs');
  });

  it('waits without a thickness (not a ring)', () => {
    expect(thicknessClaim(run(), contracts).verdict).toBe('pending');
  });

  it('never disagrees with its own number (random ratios, statuses and modes)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 500; i++) {
      const value = 3 * random();
      const done = random() < 0.5;
      const kind = (['contracts', 'keeps', 'widens'] as const)[Math.floor(3 * random())];
      const claim = thicknessClaim(ratio(value, { status: done ? 'done' : 'running' }), { kind, claim: '' });
      const met =
        kind === 'contracts' ? value <= CONTRACTED_RATIO : kind === 'keeps' ? value >= KEPT_RATIO : value > 1;
      if (done) expect(claim.verdict).toBe(met ? 'reproduced' : 'differs');
      else expect(claim.verdict === 'differs').toBe(false);
      if (claim.verdict === 'reproduced') expect(met).toBe(true);
    }
  });
});

describe('lossRatioClaim', () => {
  const paperRatio = PAPER_C_ELEGANS.purported / PAPER_C_ELEGANS.effective;
  const latest = (purported: number, effective: number) => ({
    epoch: 500,
    purported,
    effective,
    actual: effective,
  });

  it('computes the ratio the loss chart shows and says the paper’s figure is another dataset’s', () => {
    const claim = lossRatioClaim(run({ latest: latest(63_208, 3_345) }));
    expect(claim.values.ratio).toBeCloseTo(63_208 / 3_345, 12);
    expect(claim.measured).toContain('purported 63,210 / effective 3,345 = 18.9×');
    expect(claim.verdict).toBe('differs');
    expect(claim.why).toContain('C. elegans');
    expect(claim.why).toContain('grows with n');
    expect(claim.claim).toContain(`${Math.round(paperRatio).toLocaleString('en-US')}×`);
  });

  it('reproduces the size within a factor 3 of the paper’s, differs below 1, waits without losses', () => {
    expect(lossRatioClaim(run({ latest: latest(paperRatio * 1000, 1000) })).verdict).toBe('reproduced');
    expect(lossRatioClaim(run({ latest: latest(900, 1000) })).verdict).toBe('differs');
    expect(lossRatioClaim(run()).verdict).toBe('pending');
    expect(lossRatioClaim(run({ latest: { epoch: 3, actual: 10 } })).verdict).toBe('pending');
  });

  it('names the seeds when the totals are Fig. 3’s means', () => {
    expect(lossRatioClaim(run({ latest: { ...latest(600, 30), seeds: 7 } })).measured).toContain(
      'mean of 7 seeds',
    );
  });

  it('agrees with its number for any ratio', () => {
    for (const ratio of [
      0.5,
      1,
      1.01,
      5,
      19,
      100,
      paperRatio / SIZE_FACTOR - 1,
      paperRatio / SIZE_FACTOR + 1,
      5000,
    ]) {
      const claim = lossRatioClaim(run({ latest: latest(ratio * 100, 100) }));
      const expected = ratio > 1 && ratio * SIZE_FACTOR >= paperRatio ? 'reproduced' : 'differs';
      expect(claim.verdict, `ratio ${ratio}`).toBe(expected);
    }
  });
});

describe('followsClaim', () => {
  const withPairs = (toTarget: number, toMu: number) =>
    run({
      histograms: {
        mu: histogram({ 20: 60, 90: 40 }),
        nuStar: histogram({ 85: 100 }),
        nu: histogram({ 80: 100 }),
        nuEpoch: 500,
        pairs: pairs(toTarget, toMu, 0.815),
      },
    });

  it('Fig. 4: ν nearer ν* than μ is reproduced, with the pair numbers the histogram legend shows', () => {
    const claim = followsClaim(withPairs(0.142, 0.423), 'nuStar', 'c');
    expect(claim.verdict).toBe('reproduced');
    expect(claim.measured).toContain('mean |ν − ν*| = 0.142, mean |ν − μ| = 0.423');
    expect(claim.measured).toContain('81.5% of the 100 stored pairs');
    expect(followsClaim(withPairs(0.5, 0.2), 'nuStar', 'c').verdict).toBe('differs');
  });

  it('§7.3: the targets are μ, so ν nearer μ is reproduced', () => {
    expect(followsClaim(withPairs(0.5, 0.1), 'mu', 'c').verdict).toBe('reproduced');
    expect(followsClaim(withPairs(0.1, 0.5), 'mu', 'c').verdict).toBe('differs');
  });

  it('without pair views compares the histograms’ shapes', () => {
    const data = run({
      histograms: {
        mu: histogram({ 10: 100 }),
        nuStar: histogram({ 90: 100 }),
        nu: histogram({ 85: 100 }),
        nuEpoch: 10,
      },
    });
    const claim = followsClaim(data, 'nuStar', 'c');
    expect(claim.verdict).toBe('reproduced');
    expect(claim.values.toTarget).toBeCloseTo(0.05, 12);
    expect(claim.values.toMu).toBeCloseTo(0.75, 12);
    expect(followsClaim(data, 'mu', 'c').verdict).toBe('differs');
  });

  it('waits for ν', () => {
    const data = run({
      histograms: { mu: histogram({ 1: 1 }), nuStar: histogram({ 1: 1 }), nu: null, nuEpoch: 0 },
    });
    expect(followsClaim(data, 'nuStar', 'c').verdict).toBe('pending');
  });
});

describe('pilesUpClaim', () => {
  it('reproduced when most ν* and few μ are ≥ 0.8; the shares are the legend’s', () => {
    const data = run({
      histograms: {
        mu: histogram({ 20: 86, 95: 14 }),
        nuStar: histogram({ 30: 26, 99: 74 }),
        nu: null,
        nuEpoch: 0,
      },
    });
    const claim = pilesUpClaim(data, 'c');
    expect(claim.verdict).toBe('reproduced');
    expect(claim.measured).toBe('pairs ≥ 0.8: ν* 74.0%, μ 14.0%');
  });

  it('differs when ν* does not pile up (dense φ)', () => {
    const data = run({
      histograms: { mu: histogram({ 5: 99, 90: 1 }), nuStar: histogram({ 30: 100 }), nu: null, nuEpoch: 0 },
    });
    expect(pilesUpClaim(data, 'c').verdict).toBe('differs');
  });
});

describe('smallDataBoundClaim (App. H.4)', () => {
  const config = { n: 500, k: 15, m: 5 };

  it('computes ν*(0.2) both ways from eq. 15: 0.836 with log₂ k, 0.775 with the ring’s degree 5.82', () => {
    const claim = smallDataBoundClaim(run({ n: 500, meanDegree: 5.818 }, config));
    expect(claim.values.withLog).toBeCloseTo(0.2 / (0.2 + (Math.log2(15) * 5) / 500), 12);
    expect(claim.values.withLog).toBeGreaterThan(PAPER_H4.nuStar);
    expect(claim.values.withMean).toBeCloseTo(0.2 / (0.2 + (5.818 * 5) / 500), 12);
    expect(claim.measured).toContain('0.837 for dᵢ = dⱼ = log₂ k = 3.91');
    expect(claim.measured).toContain('0.775 for this run');
    expect(claim.verdict).toBe('differs');
    expect(claim.why).toContain('fuzzy union');
  });

  it('holds when the mean degree is small enough', () => {
    expect(smallDataBoundClaim(run({ n: 500, meanDegree: 3 }, config)).verdict).toBe('reproduced');
  });

  it('targetSimilarity is eq. 15 with dᵢ = dⱼ', () => {
    expect(targetSimilarity(0.2, 3, 5, 500)).toBeCloseTo(0.2 / (0.2 + (2 * 3 * 5) / (2 * 500)), 14);
  });
});

describe('denseWeightClaim (§6.1)', () => {
  it('a mean degree near 100 gives a weight near 0.5 and caps ν*', () => {
    const claim = denseWeightClaim(run({ meanDegree: 99.08 }));
    expect(claim.verdict).toBe('reproduced');
    expect(claim.values.weight).toBeCloseTo(0.4954, 4);
    expect(claim.measured).toContain('weight d̄·m / n = 0.495');
    expect(denseWeightClaim(run({ meanDegree: 5.83 })).verdict).toBe('differs');
  });
});

describe('trackingClaim (Fig. 3)', () => {
  function curves(actualOverEffective: number): MultiSeedCurves {
    const epochs = Int32Array.from({ length: 100 }, (_, i) => 5 * (i + 1));
    const series = (values: (e: number) => number) => {
      const mean = Float64Array.from(epochs, values);
      const part = { mean, std: new Float64Array(epochs.length) };
      return { attractive: part, repulsive: part, total: part } as Record<keyof LossParts, typeof part>;
    };
    return {
      seeds: 7,
      epochs,
      effective: series((e) => 5000 - e),
      actual: series((e) => (5000 - e) * actualOverEffective),
      purported: series(() => 60_000),
    };
  }

  it('reproduced within 10 %, differs beyond, waits before the seeds', () => {
    const close = trackingClaim(curves(1.05));
    expect(close.verdict).toBe('reproduced');
    expect(close.values.median).toBeCloseTo(0.05, 12);
    expect(close.measured).toContain('means of 7 seeds');
    expect(trackingClaim(curves(1.3)).verdict).toBe('differs');
    expect(trackingClaim(null).verdict).toBe('pending');
  });
});

describe('separationClaim (Fig. 2b)', () => {
  it('scores the label agreement against its criterion', () => {
    expect(separationClaim(run({ labels: { k: 10, agreement: 0.9, chance: 0.1 } })).verdict).toBe(
      'reproduced',
    );
    expect(separationClaim(run({ labels: { k: 10, agreement: 0.3, chance: 0.1 } })).verdict).toBe('differs');
    expect(separationClaim(run({ status: 'running' })).verdict).toBe('pending');
  });
});

describe('table1Claims', () => {
  const losses = (total: number) => ({
    purported: { attractive: 0, repulsive: total, total },
    effective: { attractive: 0, repulsive: 1, total: 1 },
  });
  const row = (diverged: number, result: number, input: number): LossTableRow => {
    const totals: Record<LossTableColumn, number> = { diverged, result, input };
    const lowest = (Object.keys(totals) as LossTableColumn[]).reduce((a, b) =>
      totals[b] < totals[a] ? b : a,
    );
    return {
      similarities: 'mu',
      cells: { diverged: losses(diverged), result: losses(result), input: losses(input) },
      lowest: { purported: lowest, effective: lowest },
    };
  };

  it('reproduced when the diverged layout has the lowest purported loss', () => {
    const [claim] = table1Claims(run({ table: [row(62_880, 63_210, 136_400)] }));
    expect(claim.verdict).toBe('reproduced');
    expect(claim.measured).toContain('diverged 62,880, UMAP result 63,210, input layout 136,400');
  });

  it('differs when the UMAP result is lowest, waits without a table', () => {
    expect(table1Claims(run({ table: [row(62_880, 60_000, 136_400)] }))[0].verdict).toBe('differs');
    expect(table1Claims(run())[0].verdict).toBe('pending');
  });
});

describe('presetClaims', () => {
  it('gives every preset at least one claim, each with a claim, a measurement and a verdict', () => {
    for (const id of ['fig1b', 'fig1c', 'fig1d', 'fig2b', 'fig3', 'fig4', 'table1', 'sec6', 'sec73']) {
      const claims: Claim[] = presetClaims(id, run());
      expect(claims.length, id).toBeGreaterThan(0);
      for (const claim of claims) {
        expect(claim.claim.length, id).toBeGreaterThan(20);
        expect(claim.measured.length, id).toBeGreaterThan(0);
        expect(['reproduced', 'differs', 'pending']).toContain(claim.verdict);
      }
    }
  });

  it('§7.3 asks ν to follow μ under corrected sampling and ν* once switched back to UMAP’s', () => {
    expect(presetClaims('sec73', run({}, { sampling: 'corrected' })).map((c) => c.id)).toEqual([
      'thickness-keeps',
      'nu-follows-mu',
    ]);
    expect(presetClaims('sec73', run({}, { sampling: 'umap' })).map((c) => c.id)).toEqual([
      'thickness-contracts',
      'nu-follows-target',
    ]);
  });
});
