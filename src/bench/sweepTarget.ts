/**
 * Issue 16's bench target: a 5-panel sweep of the NEG spectrum on 10 000 MNIST digits (the ICLR
 * 2023 preset's sweep at full size), the whole sweep timed from the first stage to the last panel's
 * metrics, as the app's sweep view runs it (engine/sweep, one panel after another on one thread).
 */
import { buildMnistAsset } from '../build/mnistAsset';
import { defaultConfig, type ExplorerConfig } from '../engine/config';
import { decodeDigits } from '../engine/mnistDigits';
import { MNIST_ID } from '../engine/pipeline';
import { runSweep, type SweepSpec } from '../engine/sweep';
import { collectGarbage, createRssSampler } from './measure';
import type { TargetResult } from './targets';

const SWEEP_BUDGET_MS = 60_000;
const SPEC: SweepSpec = { parameter: 'spectrum', from: 0, to: 1, count: 5, scale: 'linear' };

export async function runSweepTarget(seed: number): Promise<TargetResult> {
  const bytes = buildMnistAsset();
  const dataset = decodeDigits(bytes.slice().buffer);
  const config: ExplorerConfig = {
    ...defaultConfig,
    dataset: 'mnist',
    n: 10_000,
    init: 'spectral',
    loss: 'neg',
    seed,
  };
  collectGarbage();
  const memory = createRssSampler();
  const started = performance.now();
  const result = await runSweep(SPEC, config, {
    external: { id: MNIST_ID, dataset },
    shouldCancel: () => false,
    now: () => performance.now(),
    report: async () => memory.sample(),
  });
  const ms = performance.now() - started;
  if (!result) throw new Error('the bench sweep was cancelled');
  const recalls = result.panels.map((panel) => panel.metrics.knnRecall10?.toFixed(3)).join(' → ');
  return {
    name: `sweep: NEG spectrum s = 0…1, 5 panels, MNIST n = 10 000 (10-NN recall ${recalls})`,
    budgetMs: SWEEP_BUDGET_MS,
    ms,
    backend: 'wasm',
    threads: 1,
    peakRssMb: memory.peakMb(),
    met: ms <= SWEEP_BUDGET_MS,
  };
}
