import { describe, expect, it } from 'vitest';
import { degrees } from '../graph';
import { createOptimizer } from '../optimizer';
import { problemOptions } from '../testing/ringProblem';
import { paperRingProblem } from '../testing/ringRuns';
import { tinyGraph } from '../testing/tinyGraph';
import { evaluateNegLosses } from './negLosses';

describe("NEG's purported and effective losses (eq. 6 and eq. 12 with ξ)", () => {
  it('equal the sums over all ordered pairs, diagonal included, written out', () => {
    const graph = tinyGraph(5, [
      [0, 1, 1],
      [1, 2, 0.6],
      [2, 3, 0.3],
      [0, 4, 0.8],
    ]);
    const layout = Float32Array.from([0, 0, 0.5, 0.2, 1.4, -0.3, 2, 1, -0.7, 0.9]);
    const d = degrees(graph);
    const c = 0.37;
    const m = 3;
    const mu = (i: number, j: number) => {
      for (let p = graph.rowPtr[i]; p < graph.rowPtr[i + 1]; p++)
        if (graph.cols[p] === j) return graph.values[p];
      return 0;
    };
    let attractive = 0;
    let purported = 0;
    let effective = 0;
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) {
        const u = (layout[2 * i] - layout[2 * j]) ** 2 + (layout[2 * i + 1] - layout[2 * j + 1]) ** 2;
        const xi = 1 / (1 + c * (1 + u));
        attractive += mu(i, j) * -Math.log(xi);
        purported += (1 - mu(i, j)) * -Math.log(1 - xi);
        effective += (((d[i] + d[j]) * m) / (2 * 5)) * -Math.log(1 - xi);
      }
    }
    const losses = evaluateNegLosses(graph, layout, { c, m, degrees: d });
    expect(losses.purported.attractive).toBeCloseTo(attractive, 10);
    expect(losses.purported.repulsive).toBeCloseTo(purported, 10);
    expect(losses.effective.repulsive).toBeCloseTo(effective, 10);
    expect(losses.effective.total).toBeCloseTo(attractive + effective, 10);
  });

  it("the effective loss is what NEG's sampled epochs score on average (the actual loss), to 3 %", () => {
    const ring = paperRingProblem;
    // A tiny step keeps the layout put, so 200 epochs sample one embedding.
    const optimizer = createOptimizer(
      problemOptions(ring, {
        seed: 5,
        nEpochs: 201,
        learningRate: 1e-6,
        objective: { mode: 'neg', s: 1, normalization: 'per-m', earlyPhase: false },
      }),
    );
    optimizer.step(1);
    const stats = optimizer.step(200);
    const mean = (part: 'attractive' | 'repulsive') =>
      stats.reduce((sum, s) => sum + s.actual[part], 0) / stats.length;
    const losses = evaluateNegLosses(ring.graph, optimizer.embedding, {
      c: 1,
      m: 5,
      degrees: degrees(ring.graph),
    });
    expect(mean('attractive') / losses.effective.attractive).toBeCloseTo(1, 1);
    expect(Math.abs(mean('repulsive') / losses.effective.repulsive - 1)).toBeLessThan(0.03);
    expect(losses.purported.repulsive / losses.effective.repulsive).toBeGreaterThan(10);
  });
});
