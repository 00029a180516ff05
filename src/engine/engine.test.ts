import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NodeShardThreads, startNodeShardThreads } from '../core/testing/shardThreads';
import { defaultConfig, type ExplorerConfig } from './config';
import { createEngine, type EngineOptions } from './engine';
import type { Frame } from './frame';
import type { SliceLoop } from './multiSeed';
import type { SliceProgress } from './seedTasks';

/** An engine whose scheduled tasks run only when the test drains them. */
function manualEngine(options: EngineOptions = {}) {
  const queue: (() => void)[] = [];
  const engine = createEngine({ schedule: (task) => queue.push(task), ...options });
  const drain = (maxTasks = 100_000) => {
    for (let i = 0; i < maxTasks && queue.length > 0; i++) queue.shift()?.();
  };
  return { engine, drain };
}

const smallRing: ExplorerConfig = { ...defaultConfig, n: 300, epochs: 60 };

async function latest(engine: ReturnType<typeof createEngine>): Promise<Frame> {
  return engine.pullFrame(-1);
}

describe('engine', () => {
  it('builds, runs to the last epoch and reports losses within its evaluation budget', async () => {
    const { engine, drain } = manualEngine();
    const report = engine.configure(smallRing);
    expect(report.applied).toBe('restart');
    engine.play();
    drain();
    const frame = await latest(engine);
    expect(frame.status).toBe('done');
    expect(frame.epoch).toBe(60);
    expect(frame.runInfo?.n).toBe(300);
    expect(frame.actual).toHaveLength(60);
    expect(frame.evaluations.length).toBeGreaterThan(1);
    expect(frame.evaluations.at(-1)?.epoch).toBe(60);
    expect(frame.histograms?.nu).not.toBeNull();
    expect(frame.thickness).toBeGreaterThan(0);
  });

  it('applies a live m change to the running optimizer: same embedding, more negatives next epoch', async () => {
    const { engine, drain } = manualEngine();
    engine.configure({ ...smallRing, epochs: 500 });
    engine.step(50);
    drain();
    const run = engine.currentRun;
    if (!run) throw new Error('no run');
    const before = run.optimizer.embedding.slice();
    const negativesAtM5 = run.optimizer.step(1)[0].negativeSamples;
    const report = engine.configure({ ...smallRing, epochs: 500, m: 10 });
    expect(report).toMatchObject({ applied: 'live', live: ['m'], rebuild: [] });
    expect(engine.currentRun).toBe(run);
    expect(run.optimizer.epoch).toBe(51);
    expect(before).toHaveLength(600);
    const negativesAtM10 = run.optimizer.step(1)[0].negativeSamples;
    expect(negativesAtM10 / negativesAtM5).toBeGreaterThan(1.8);
    expect(negativesAtM10 / negativesAtM5).toBeLessThan(2.2);
  });

  it('keeps the embedding on a live change', () => {
    const { engine, drain } = manualEngine();
    engine.configure(smallRing);
    engine.step(10);
    drain();
    const embedding = engine.currentRun?.optimizer.embedding.slice();
    engine.configure({ ...smallRing, learningRate: 0.5 });
    expect(Array.from(engine.currentRun?.optimizer.embedding ?? [])).toEqual(Array.from(embedding ?? []));
  });

  it('reuses kNN when k changes and restarts the run from the initial layout', async () => {
    const stagesBuilt: string[] = [];
    const { engine, drain } = manualEngine({ onProgress: ({ stage }) => stagesBuilt.push(stage) });
    engine.configure(smallRing);
    drain();
    const firstRun = engine.currentRun?.id ?? 0;
    stagesBuilt.length = 0;
    const report = engine.configure({ ...smallRing, k: 10 });
    expect(report.rebuild).toEqual(['graph', 'init', 'optimizer']);
    drain();
    expect(stagesBuilt).not.toContain('knn');
    expect(stagesBuilt).toContain('graph');
    const frame = await latest(engine);
    expect(frame.runId).toBeGreaterThan(firstRun);
    expect(frame.epoch).toBe(0);
    expect(frame.config.k).toBe(10);
  });

  it('a cancelled kNN leaves the previous run and its configuration intact', async () => {
    let engineRef: ReturnType<typeof createEngine> | null = null;
    const { engine, drain } = manualEngine({
      onProgress: ({ stage }) => {
        if (stage === 'knn') engineRef?.cancel();
      },
    });
    engineRef = engine;
    engine.configure({ ...smallRing, dataset: 'square' });
    drain(); // the square's kNN is cancelled at once: nothing to fall back on yet
    expect((await latest(engine)).status).toBe('empty');
    engineRef = null;
    engine.configure(smallRing);
    drain();
    const good = await latest(engine);
    engineRef = engine;
    engine.configure({ ...smallRing, dataset: 'blobs' });
    drain();
    const after = await latest(engine);
    expect(after.error).toMatch(/cancelled/);
    expect(after.config).toEqual(smallRing);
    expect(after.runId).toBeGreaterThan(good.runId);
    expect(Array.from(after.embedding)).toEqual(Array.from(good.embedding));
    // And the engine still works.
    engineRef = null;
    engine.configure({ ...smallRing, k: 12 });
    drain();
    expect((await latest(engine)).config.k).toBe(12);
  });

  it('says what is wrong with a configuration and keeps the previous run', async () => {
    const { engine, drain } = manualEngine();
    engine.configure(smallRing);
    drain();
    engine.configure({ ...smallRing, n: 10 });
    drain();
    const frame = await latest(engine);
    expect(frame.error).toBe('k = 15 needs at least 16 points; this dataset has 10.');
    expect(frame.config.n).toBe(300);
  });

  it('reports a failing first configuration in a frame the UI accepts (no run to fall back on)', async () => {
    const { engine, drain } = manualEngine();
    const report = engine.configure({ ...smallRing, n: 10 });
    drain();
    const frame = await latest(engine);
    expect(frame.error).toBe('k = 15 needs at least 16 points; this dataset has 10.');
    // The UI drops frames older than the run the report announced.
    expect(frame.runId).toBeGreaterThanOrEqual(report.runId);
    expect(frame.progress).toBeUndefined();
    expect(frame.embedding).toHaveLength(0);
  });

  it('gives identical frames for the same configuration and seed', async () => {
    const frames: Frame[] = [];
    for (let repeat = 0; repeat < 2; repeat++) {
      const { engine, drain } = manualEngine();
      engine.configure(smallRing);
      engine.step(30);
      drain();
      frames.push(await latest(engine));
    }
    expect(Array.from(frames[1].embedding)).toEqual(Array.from(frames[0].embedding));
    expect(frames[1].actual).toEqual(frames[0].actual);
  });

  it('runs several seeds and returns mean ± std loss curves (Fig. 3)', async () => {
    const { engine, drain } = manualEngine();
    engine.configure({ ...smallRing, epochs: 40 });
    drain();
    const pending = engine.runSeeds(3, 10);
    let curves = null;
    pending.then((result) => {
      curves = result;
    });
    for (let i = 0; i < 1000 && !curves; i++) {
      drain();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(curves).not.toBeNull();
    const result = await pending;
    if (!result) throw new Error('cancelled');
    expect(Array.from(result.epochs)).toEqual([10, 20, 30, 40]);
    expect(result.seeds).toBe(3);
    for (let e = 0; e < 4; e++) {
      expect(result.purported.total.mean[e]).toBeGreaterThan(result.effective.total.mean[e]);
      expect(result.effective.total.std[e]).toBeGreaterThan(0);
    }
  });
});

describe('engine.runTask', () => {
  /** Drains the engine's queue until `pending` settles (a pause resolves in a task the queue holds). */
  async function settle<T>(pending: Promise<T>, drain: () => void): Promise<T> {
    let settled = false;
    void pending.finally(() => {
      settled = true;
    });
    for (let i = 0; i < 1000 && !settled; i++) {
      drain();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return pending;
  }

  it('pauses the run, yields between slices, reports progress at most every 250 ms, and stops on cancel', async () => {
    let clock = 0;
    // Every slice yields (sliceMs 0) and takes 100 ms.
    const { engine, drain } = manualEngine({ sliceMs: 0, now: () => clock });
    const fourSlices = async ({ pause, shouldCancel }: SliceLoop) => {
      for (let slice = 1; slice <= 4; slice++) {
        clock += 100;
        await pause(slice / 4);
        if (shouldCancel()) return 'cancelled';
      }
      return 'done';
    };
    engine.configure({ ...smallRing, epochs: 500 });
    engine.step(10);
    drain();
    engine.play();
    expect(engine.status).toBe('running');
    const epoch = engine.currentRun?.optimizer.epoch;

    const progress: SliceProgress[] = [];
    const pending = engine.runTask(fourSlices, (report) => progress.push(report));
    expect(engine.status).toBe('paused');
    expect(await settle(pending, drain)).toBe('done');
    expect(engine.currentRun?.optimizer.epoch).toBe(epoch);
    // At 100 ms and at 400 ms: the reports at 200 and 300 ms came too soon after the first.
    expect(progress.map(({ fraction }) => fraction)).toEqual([0.25, 1]);

    const cancelled = engine.runTask(fourSlices);
    engine.cancel();
    expect(await settle(cancelled, drain)).toBe('cancelled');
  });
});

describe('engine with parallel epochs', () => {
  let threads: NodeShardThreads;
  beforeAll(async () => {
    threads = await startNodeShardThreads(1);
  }, 60_000);
  afterAll(async () => {
    await threads?.close();
  });

  it('runs threads = 2 on two threads, and again after a restart (the helper is released)', async () => {
    const { engine, drain } = manualEngine({
      parallel: { maxThreads: 2, startHelper: (assignment) => threads.startHelper(assignment) },
    });
    const config = { ...smallRing, threads: 2 };
    for (const seed of [3, 4]) {
      engine.configure({ ...config, seed });
      engine.play();
      drain();
      const frame = await latest(engine);
      expect(frame.status).toBe('done');
      expect(frame.runInfo?.threads).toBe(2);
      expect(frame.runInfo?.message).toBeUndefined();
      expect(frame.actual.at(-1)?.actual.total).toBeGreaterThan(0);
    }
    // Back to one thread: a restart of the optimizer stage only.
    const report = engine.configure({ ...config, seed: 4, threads: 1 });
    expect(report.rebuild).toEqual(['optimizer']);
    engine.play();
    drain();
    expect((await latest(engine)).runInfo?.threads).toBe(1);
  });

  it('runs on one thread and says why when no helper threads exist or sampling is corrected', async () => {
    const { engine, drain } = manualEngine();
    engine.configure({ ...smallRing, threads: 4 });
    drain();
    let frame = await latest(engine);
    expect(frame.runInfo?.threads).toBe(1);
    expect(frame.runInfo?.message).toMatch(/cross-origin isolated/);
    engine.configure({ ...smallRing, threads: 4, sampling: 'corrected' });
    drain();
    frame = await latest(engine);
    expect(frame.runInfo?.threads).toBe(1);
    expect(frame.runInfo?.message).toMatch(/UMAP sampling only/);
    const singleCore = manualEngine({ parallel: { maxThreads: 1, startHelper: () => {} } });
    singleCore.engine.configure({ ...smallRing, threads: 2 });
    singleCore.drain();
    frame = await latest(singleCore.engine);
    expect(frame.runInfo?.threads).toBe(1);
    expect(frame.runInfo?.message).toMatch(/single processor core/);
  });
});

describe('engine.lossTable', () => {
  it('gives Table 1’s μ row for the current 2-D run, the diverged layout winning as in the paper', async () => {
    const { engine, drain } = manualEngine();
    // The paper ring, 500 epochs (umap-learn: purported 65 189 for its result vs 62 882 diverged).
    engine.configure(defaultConfig);
    engine.play();
    drain();
    const [row] = engine.lossTable();
    expect(row.similarities).toBe('mu');
    expect(row.lowest.purported).toBe('diverged');
    expect(row.cells.result.effective.total).toBeLessThan(row.cells.diverged.effective.total);
  });
});
