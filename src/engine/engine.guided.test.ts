/**
 * The engine half of "the paper, guided" (issue 13): per-pair views and brushing, loss curves with
 * at least 100 evaluations, time estimates, the torn-ring count and the plain-language change note.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddingSimilarities, targetSimilarities } from '../core/losses';
import { defaultConfig, type ExplorerConfig } from './config';
import { createEngine, type EngineOptions } from './engine';
import type { Frame } from './frame';
import { pairViews } from './pairViews';

/** An engine whose scheduled tasks run only when the test drains them. */
function manualEngine(options: EngineOptions = {}) {
  const queue: (() => void)[] = [];
  const engine = createEngine({ schedule: (task) => queue.push(task), ...options });
  const drain = (maxTasks = 1_000_000) => {
    for (let i = 0; i < maxTasks && queue.length > 0; i++) queue.shift()?.();
  };
  return { engine, drain };
}

type Engine = ReturnType<typeof createEngine>;
const latest = (engine: Engine): Promise<Frame> => engine.pullFrame(-1);
const smallRing: ExplorerConfig = { ...defaultConfig, n: 300, epochs: 60 };

/** Every pair's (x, y) tested against the box, the way pairPoints is specified. */
function bruteForcePairPoints(
  engine: Engine,
  view: 'target' | 'mu',
  box: { x0: number; x1: number; y0: number; y1: number },
) {
  const run = engine.currentRun;
  if (!run) throw new Error('no run');
  const { graph, a, b } = run.artifacts;
  const nu = embeddingSimilarities(graph, run.optimizer.embedding, a, b);
  const x = view === 'target' ? targetSimilarities(graph, run.config.m) : graph.values;
  const inside = new Set<number>();
  for (let i = 0; i < graph.n; i++) {
    for (let p = graph.rowPtr[i]; p < graph.rowPtr[i + 1]; p++) {
      const fx = Math.fround(box.x0) <= x[p] && x[p] <= Math.fround(box.x1);
      const fy = Math.fround(box.y0) <= nu[p] && nu[p] <= Math.fround(box.y1);
      if (fx && fy) inside.add(i).add(graph.cols[p]);
    }
  }
  return [...inside].sort((p, q) => p - q);
}

describe('the paper ring after 500 epochs (seed 3)', () => {
  let engine: Engine;
  let frame: Frame;
  beforeAll(async () => {
    const manual = manualEngine();
    engine = manual.engine;
    engine.configure(defaultConfig);
    engine.play();
    manual.drain();
    frame = await latest(engine);
  }, 60_000);

  it('reproduces ν*, not μ (Fig. 4): mean |ν − ν*| well below mean |ν − μ|', () => {
    expect(frame.status).toBe('done');
    const pairs = frame.histograms?.pairs;
    if (!pairs) throw new Error('no pair views');
    console.info(
      `paper ring, 500 epochs, seed 3: mean |ν − ν*| = ${pairs.meanAbsNuMinusTarget.toFixed(4)}, ` +
        `mean |ν − μ| = ${pairs.meanAbsNuMinusMu.toFixed(4)}, nearer ν*: ${(100 * pairs.nearerTarget).toFixed(1)} %`,
    );
    // Measured: 0.1417 against 0.4229, 81.5 % of the pairs nearer ν*.
    expect(pairs.meanAbsNuMinusTarget).toBeLessThan(pairs.meanAbsNuMinusMu);
    expect(pairs.meanAbsNuMinusTarget).toBeLessThan(0.5 * pairs.meanAbsNuMinusMu);
    expect(pairs.nearerTarget).toBeGreaterThan(0.75);
  });

  it('bins every stored pair in both views, from the same ν as the ν histogram', () => {
    const run = engine.currentRun;
    const pairs = frame.histograms?.pairs;
    if (!run || !pairs) throw new Error('no run');
    const { graph, a, b } = run.artifacts;
    const sum = (counts: Uint32Array) => counts.reduce((total, count) => total + count, 0);
    expect(pairs.bins).toBe(40);
    expect(pairs.nuVsTarget).toHaveLength(1600);
    expect(sum(pairs.nuVsTarget)).toBe(graph.cols.length);
    expect(sum(pairs.nuVsMu)).toBe(graph.cols.length);
    const nu = embeddingSimilarities(graph, run.optimizer.embedding, a, b);
    expect(pairs).toEqual(pairViews(graph.values, targetSimilarities(graph, 5), nu));
    expect(frame.histograms?.nu?.reduce((total, count) => total + count, 0)).toBe(graph.cols.length);
  });

  it('has at least 100 evaluated epochs spread over the run, the last one included', () => {
    const epochs = frame.evaluations.map(({ epoch }) => epoch);
    expect(epochs.length).toBeGreaterThanOrEqual(100);
    expect(epochs.at(-1)).toBe(500);
    for (let e = 1; e < epochs.length; e++) expect(epochs[e] - epochs[e - 1]).toBeLessThanOrEqual(5);
  });

  it('brushes the pairs of a box: the points of every pair inside, sorted and distinct', () => {
    const boxes = [
      ['target', { x0: 0.8, x1: 1, y0: 0, y1: 0.5 }],
      ['target', { x0: 0, x1: 0.2, y0: 0.8, y1: 1 }],
      ['mu', { x0: 1, x1: 1, y0: 0, y1: 1 }],
      ['mu', { x0: 0, x1: 0.5, y0: 0.9, y1: 1 }],
    ] as const;
    for (const [view, box] of boxes) {
      const points = engine.pairPoints(view, box);
      expect(points).toBeInstanceOf(Int32Array);
      expect(Array.from(points)).toEqual(bruteForcePairPoints(engine, view, box));
    }
    // The whole square holds every pair, so every point.
    expect(engine.pairPoints('target', { x0: 0, x1: 1, y0: 0, y1: 1 })).toHaveLength(1000);
    expect(engine.pairPoints('mu', { x0: 1, x1: 0, y0: 1, y1: 0 })).toHaveLength(1000);
    expect(engine.pairPoints('target', { x0: 0.2, x1: 0.3, y0: 0.99, y1: 1 }).length).toBeLessThan(1000);
  });

  it('counts the ring’s arcs (this run is opened once: one arc)', () => {
    expect(frame.ringArcs).toBe(1);
    expect(frame.thickness).toBeGreaterThan(0);
    expect(frame.remainingSeconds).toBeUndefined();
  });
});

describe('pair views under corrected sampling (§7.3)', () => {
  it('keep ν* of eq. 15, and the numbers say ν reproduces μ instead', async () => {
    const { engine, drain } = manualEngine();
    engine.configure({ ...smallRing, n: 500, epochs: 200, sampling: 'corrected' });
    engine.play();
    drain();
    const pairs = (await latest(engine)).histograms?.pairs;
    if (!pairs) throw new Error('no pair views');
    console.info(
      `ring n = 500, 200 epochs, corrected sampling: mean |ν − ν*| = ${pairs.meanAbsNuMinusTarget.toFixed(4)}, ` +
        `mean |ν − μ| = ${pairs.meanAbsNuMinusMu.toFixed(4)}, nearer ν*: ${(100 * pairs.nearerTarget).toFixed(1)} %`,
    );
    expect(pairs.meanAbsNuMinusMu).toBeLessThan(pairs.meanAbsNuMinusTarget);
    expect(pairs.nearerTarget).toBeLessThan(0.5);
  });
});

describe('pair views and brushing, small runs', () => {
  it('are null before ν exists, and follow a live m change at once', async () => {
    const { engine, drain } = manualEngine();
    expect(engine.pairPoints('mu', { x0: 0, x1: 1, y0: 0, y1: 1 })).toHaveLength(0);
    engine.configure(smallRing);
    drain();
    const run = engine.currentRun;
    if (!run) throw new Error('no run');
    // The run's first evaluation (epoch 0) computed ν of the initial layout.
    expect(run.histograms.pairs).not.toBeNull();
    engine.step(20);
    drain();
    engine.configure({ ...smallRing, m: 20 });
    const { graph, a, b } = run.artifacts;
    const nu = embeddingSimilarities(graph, run.optimizer.embedding, a, b);
    expect(run.histograms.pairs).toEqual(pairViews(graph.values, targetSimilarities(graph, 20), nu));
    expect(run.histograms.nuEpoch).toBe(20);
  });
});

describe('evaluation budget: honest loss curves', () => {
  it('a 10 000-epoch run has ≥ 100 evaluations, the last epoch included, however costly they are', async () => {
    // A share of 1e-6 would evaluate every 1000 epochs (10 evaluations); the cap makes it every 100.
    const { engine, drain } = manualEngine({ evaluationShare: 1e-6 });
    engine.configure({ ...defaultConfig, n: 50, epochs: 10_000 });
    engine.play();
    drain();
    const frame = await latest(engine);
    expect(frame.status).toBe('done');
    const epochs = frame.evaluations.map(({ epoch }) => epoch);
    expect(epochs.length).toBeGreaterThanOrEqual(100);
    expect(epochs.at(-1)).toBe(10_000);
    expect(frame.cadence).toBe(100);
    for (let e = 1; e < epochs.length; e++) expect(epochs[e] - epochs[e - 1]).toBeLessThanOrEqual(100);
  });

  it('a 500-epoch run likewise: every 5 epochs at most', async () => {
    const { engine, drain } = manualEngine({ evaluationShare: 1e-6 });
    engine.configure({ ...defaultConfig, n: 100, epochs: 500 });
    engine.play();
    drain();
    const frame = await latest(engine);
    const epochs = frame.evaluations.map(({ epoch }) => epoch);
    expect(epochs).toEqual(Array.from({ length: 101 }, (_, e) => 5 * e));
  });
});

describe('time estimates', () => {
  it('while running: the epochs left over the wall-clock pace; none when paused or done', async () => {
    let clock = 0;
    const { engine, drain } = manualEngine({ now: () => (clock += 0.5) });
    engine.configure({ ...smallRing, epochs: 400 });
    drain();
    expect((await latest(engine)).remainingSeconds).toBeUndefined();
    engine.play();
    let running: Frame | null = null;
    for (let slice = 0; slice < 20; slice++) {
      drain(1);
      running = await latest(engine);
    }
    if (!running) throw new Error('no frame');
    expect(running.status).toBe('running');
    const left = running.nEpochs - running.epoch;
    expect(left).toBeGreaterThan(0);
    // The pace counts evaluations and everything between slices: slower than the epochs alone.
    expect(running.remainingSeconds).toBeGreaterThan(left / running.epochsPerSecond);
    expect(running.remainingSeconds).toBeLessThan((20 * left) / running.epochsPerSecond);
    engine.pause();
    expect((await latest(engine)).remainingSeconds).toBeUndefined();
    engine.play();
    drain();
    const done = await latest(engine);
    expect(done.status).toBe('done');
    expect(done.remainingSeconds).toBeUndefined();
  });

  it('while stepping: the steps left, not the whole run', async () => {
    let clock = 0;
    const { engine, drain } = manualEngine({ now: () => (clock += 0.5) });
    engine.configure({ ...smallRing, epochs: 400 });
    drain();
    engine.step(40);
    drain(1);
    const frame = await latest(engine);
    expect(frame.status).toBe('running');
    const playing = manualEngine({ now: () => (clock += 0.5) });
    playing.engine.configure({ ...smallRing, epochs: 400 });
    playing.drain();
    playing.engine.play();
    playing.drain(1);
    const whole = await latest(playing.engine);
    expect(frame.remainingSeconds).toBeLessThan((whole.remainingSeconds ?? 0) / 4);
  });

  it('while building: from the stage’s elapsed time and fraction, once ≥ 5 % and ≥ 0.5 s', () => {
    let clock = 0;
    const reports: { stage: string; fraction: number; remainingSeconds?: number }[] = [];
    const { engine, drain } = manualEngine({
      now: () => (clock += 40),
      onProgress: (progress) => reports.push(progress),
    });
    engine.configure({ ...defaultConfig, n: 2000, init: 'spectral' });
    drain(1);
    const knn = reports.filter(({ stage }) => stage === 'knn');
    expect(knn.length).toBeGreaterThan(10);
    for (const { fraction, remainingSeconds } of reports) {
      if (fraction < 0.05) expect(remainingSeconds).toBeUndefined();
    }
    const estimated = knn.filter(({ remainingSeconds }) => remainingSeconds !== undefined);
    expect(estimated.length).toBeGreaterThan(0);
    for (const { fraction, remainingSeconds } of estimated) {
      expect(remainingSeconds).toBeGreaterThanOrEqual(0);
      if (fraction >= 1) expect(remainingSeconds).toBe(0);
    }
  });

  it('for the multi-seed runs (Fig. 3): the progress carries the time left', async () => {
    let clock = 0;
    const { engine, drain } = manualEngine({ now: () => (clock += 50) });
    engine.configure({ ...smallRing, epochs: 40 });
    drain();
    const pending = engine.runSeeds(3, 5);
    let finished = false;
    void pending.then(() => {
      finished = true;
    });
    const estimates: number[] = [];
    for (let i = 0; i < 1000 && !finished; i++) {
      drain();
      const progress = (await latest(engine)).progress;
      if (progress?.stage === 'seeds' && progress.remainingSeconds !== undefined)
        estimates.push(progress.remainingSeconds);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    expect(await pending).not.toBeNull();
    expect(estimates.length).toBeGreaterThan(0);
    for (const seconds of estimates) expect(seconds).toBeGreaterThanOrEqual(0);
  });
});

describe('ring arcs', () => {
  it('are counted for the ring datasets only (ring 0 of the 20 rings)', async () => {
    for (const [dataset, n, expected] of [
      ['ring', 300, true],
      ['rings', 2000, true],
      ['square', 300, false],
    ] as const) {
      const { engine, drain } = manualEngine();
      engine.configure({ ...smallRing, dataset, n });
      engine.step(20);
      drain();
      const frame = await latest(engine);
      if (expected) expect(frame.ringArcs).toBeGreaterThanOrEqual(1);
      else expect(frame.ringArcs).toBeUndefined();
      expect(frame.thickness === undefined).toBe(!expected);
    }
  });
});

describe('change summary', () => {
  it('says in plain words what each configure() does', () => {
    const { engine, drain } = manualEngine();
    expect(engine.configure(smallRing).summary).toBe('first run: building everything');
    drain();
    expect(engine.configure({ ...smallRing, k: 10 }).summary).toBe('k changed: rebuilding the graph');
    drain();
    expect(engine.configure({ ...smallRing, k: 10, m: 7 }).summary).toBe('m applied live');
    expect(engine.configure({ ...smallRing, k: 10, m: 7 }).summary).toBe('no change');
    expect(engine.configure({ ...smallRing, k: 10, m: 7, seed: 4 }).summary).toBe(
      'seed changed: new data and layout',
    );
  });
});
