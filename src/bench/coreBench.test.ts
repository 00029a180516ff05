import { describe, expect, it } from 'vitest';
import { APPROXIMATE_KNN_MIN_POINTS } from '../core/neighbors';
import { createEngine } from '../engine/engine';
import { benchConfig, buildTimed, timeOptimizer } from './coreBench';

const bytes = (
  values: ArrayLike<number> & { buffer: ArrayBufferLike; byteOffset: number; byteLength: number },
) => Buffer.from(values.buffer, values.byteOffset, values.byteLength);

describe('the bench measures the app’s pipeline', () => {
  it('builds the graph the engine builds at n = 5 000 (NN-descent) and the same embedding from it', () => {
    const config = benchConfig('blobs', 5000, 50, 0);
    expect(config.n).toBeGreaterThanOrEqual(APPROXIMATE_KNN_MIN_POINTS);
    const { artifacts, stageMs } = buildTimed(config);
    expect(Object.keys(stageMs)).toEqual(['knn', 'graph', 'init']);
    const bench = timeOptimizer(config, artifacts, 'auto', false);

    const queue: (() => void)[] = [];
    const engine = createEngine({ schedule: (task) => queue.push(task) });
    engine.configure(config);
    engine.step(config.epochs);
    while (queue.length > 0) queue.shift()?.();
    const run = engine.currentRun;
    if (!run) throw new Error('no run');
    expect(run.optimizer.epoch).toBe(config.epochs);

    const { graph } = run.artifacts;
    expect(bytes(artifacts.graph.rowPtr).equals(bytes(graph.rowPtr))).toBe(true);
    expect(bytes(artifacts.graph.cols).equals(bytes(graph.cols))).toBe(true);
    expect(bytes(artifacts.graph.values).equals(bytes(graph.values))).toBe(true);
    expect(bytes(bench.embedding).equals(bytes(run.optimizer.embedding))).toBe(true);
  });
});
