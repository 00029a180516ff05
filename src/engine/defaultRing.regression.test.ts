import { describe, expect, it } from 'vitest';
import { defaultConfig } from './config';
import { createEngine } from './engine';
import { embeddingFingerprint } from './fingerprint';

/**
 * The default ring (Fig. 1b: n = 1 000, seed 3, k = 15, m = 5, 500 epochs) run by the app's engine
 * must stay bit-identical across refactors of the optimizer, the pipeline and the engine. The
 * fingerprints were recorded from commit 35dfca2, before issue 14 reorganised those modules; a
 * change of any constant or of the order of random draws changes them.
 */
const RECORDED = { epoch0: '006cc9b2', epoch500: 'f30accf1' };

describe('the default ring, bit for bit', () => {
  it('has the recorded initial layout and embedding after 500 epochs', () => {
    const queue: (() => void)[] = [];
    const engine = createEngine({ schedule: (task) => queue.push(task) });
    engine.configure(defaultConfig);
    engine.step(0);
    for (let i = 0; i < 100_000 && queue.length > 0; i++) queue.shift()?.();
    const run = engine.currentRun;
    if (!run) throw new Error('no run');
    const initial = embeddingFingerprint(run.optimizer.embedding);
    engine.step(500);
    for (let i = 0; i < 100_000 && queue.length > 0; i++) queue.shift()?.();
    expect(run.optimizer.epoch).toBe(500);
    const final = embeddingFingerprint(run.optimizer.embedding);
    console.log(`default ring fingerprints: epoch 0 ${initial}, epoch 500 ${final}`);
    expect({ epoch0: initial, epoch500: final }).toEqual(RECORDED);
  });
});
