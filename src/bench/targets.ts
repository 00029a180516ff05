/** Issue 7, item 6: whole-pipeline timings against their budgets (dataset generation excluded). */
import { gaussianBlobs, paperRing } from '../core/datasets';
import { prepareRun, umapConfig } from '../core/pipeline';
import type { Dataset } from '../core/types';
import { collectGarbage, createRssSampler, timed } from './measure';

export interface TargetResult {
  name: string;
  budgetMs: number;
  ms: number;
  backend: string;
  peakRssMb: number;
  met: boolean;
}

interface Target {
  name: string;
  budgetMs: number;
  dataset: () => Dataset;
  config: Parameters<typeof umapConfig>[1];
}

/** trackLoss false (the WASM path) except where a preset's loss curve is the point. */
const TARGETS: Target[] = [
  {
    name: 'blobs-50D n = 20 000, spectral, 500 epochs',
    budgetMs: 15_000,
    dataset: () => gaussianBlobs({ n: 20_000, dim: 50 }),
    config: { nEpochs: 500, trackLoss: false },
  },
  {
    name: 'Fig. 1b: ring n = 1 000, data init, 10 000 epochs',
    budgetMs: 10_000,
    dataset: () => paperRing({ n: 1000 }),
    config: { init: 'data', nEpochs: 10_000, trackLoss: false },
  },
  {
    name: 'Fig. 1b with loss tracking (TypeScript path)',
    budgetMs: 10_000,
    dataset: () => paperRing({ n: 1000 }),
    config: { init: 'data', nEpochs: 10_000, trackLoss: true },
  },
  {
    name: 'blobs-50D n = 70 000, spectral, 200 epochs',
    budgetMs: 60_000,
    dataset: () => gaussianBlobs({ n: 70_000, dim: 50 }),
    config: { nEpochs: 200, trackLoss: false },
  },
];

export function runTargets(seed: number, onResult: (result: TargetResult) => void): TargetResult[] {
  return TARGETS.map((target) => {
    const ds = target.dataset();
    collectGarbage();
    const memory = createRssSampler();
    const config = umapConfig(ds.n, { ...target.config, seed });
    // prepareRun + the epoch loop is runUmap, unrolled to learn the backend and sample memory.
    const { ms, value: backend } = timed(() => {
      const { optimizer } = prepareRun(ds, config);
      memory.sample();
      for (let epoch = 0; epoch < config.nEpochs; epoch++) {
        optimizer.step(1);
        memory.sample();
      }
      return optimizer.backend;
    });
    const result: TargetResult = {
      name: target.name,
      budgetMs: target.budgetMs,
      ms,
      backend,
      peakRssMb: memory.peakMb(),
      met: ms <= target.budgetMs,
    };
    onResult(result);
    return result;
  });
}
