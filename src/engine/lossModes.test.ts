/** The engine running each loss of the registry: the curves, ν and live s that the UI shows. */
import { describe, expect, it } from 'vitest';
import { evaluateNegLosses } from '../core/losses';
import { FAR_FIELD_RELATIVE_ERROR } from '../core/losses/farField';
import { spectrumNormalization } from '../core/optimizer';
import { defaultConfig, type ExplorerConfig } from './config';
import { createEngine } from './engine';
import { negScaleOf } from './run';

function manualEngine(maxExactLossPoints?: number) {
  const queue: (() => void)[] = [];
  const engine = createEngine({ schedule: (task) => queue.push(task), maxExactLossPoints });
  const drain = () => {
    for (let i = 0; i < 100_000 && queue.length > 0; i++) queue.shift()?.();
  };
  return { engine, drain };
}

const ring: ExplorerConfig = { ...defaultConfig, n: 300, epochs: 60 };

describe('the engine on every loss', () => {
  for (const loss of ['neg', 'nce', 'infonce', 'tsne'] as const) {
    it(`${loss}: runs to the end, tracks its own loss, evaluates eq. 6/12 with ξ only for NEG and NCE, shows ν in [0, 1]`, async () => {
      const { engine, drain } = manualEngine();
      engine.configure({ ...ring, loss });
      engine.play();
      drain();
      const frame = await engine.pullFrame(-1);
      expect(frame.status).toBe('done');
      expect(frame.actual).toHaveLength(60);
      expect(frame.actual.every((entry) => Number.isFinite(entry.actual.total))).toBe(true);
      if (loss === 'neg' || loss === 'nce') {
        const last = frame.evaluations.at(-1);
        expect(last?.epoch).toBe(60);
        // NEG's purported loss sits far above its effective one, as UMAP's does (the repulsion weights).
        expect((last?.purported.total ?? 0) / (last?.effective.total ?? 1)).toBeGreaterThan(2);
      } else {
        expect(frame.evaluations).toHaveLength(0);
      }
      const nu = frame.histograms?.nu;
      expect(nu).toBeTruthy();
      expect(nu?.reduce((sum, count) => sum + count, 0)).toBe(
        engine.currentRun?.artifacts.graph.values.length,
      );
      expect(engine.currentRun?.optimizer.backend).toBe(
        loss === 'neg' || loss === 'nce' ? 'wasm' : 'typescript',
      );
    });
  }

  it('NEG above the exact-loss limit: eq. 6/12 with ξ by the far field, said so, within 1e-3 of the exact sums', async () => {
    const { engine, drain } = manualEngine(100);
    engine.configure({ ...ring, loss: 'neg' });
    engine.play();
    drain();
    const frame = await engine.pullFrame(-1);
    const run = engine.currentRun;
    if (!run) throw new Error('no run');
    expect(frame.evaluationNote).toMatch(/far field/);
    const last = frame.evaluations.at(-1);
    expect(last?.epoch).toBe(60);
    const exact = evaluateNegLosses(run.artifacts.graph, run.optimizer.embedding, {
      c: negScaleOf(run),
      m: ring.m,
      degrees: run.artifacts.degrees,
      approximate: false,
    });
    for (const kind of ['purported', 'effective'] as const) {
      const total = last?.[kind].total ?? 0;
      expect(total).not.toBe(exact[kind].total);
      expect(Math.abs(total / exact[kind].total - 1)).toBeLessThan(FAR_FIELD_RELATIVE_ERROR);
    }
  });

  it('takes s live on NEG: the next epoch runs at the new Z̄(s)', () => {
    const { engine, drain } = manualEngine();
    const neg = { ...ring, epochs: 300, loss: 'neg' as const, spectrum: 1 };
    engine.configure(neg);
    engine.step(150);
    drain();
    const run = engine.currentRun;
    if (!run) throw new Error('no run');
    expect(run.optimizer.step(1)[0].normalization).toBeCloseTo(spectrumNormalization(1, 300), 6);
    const report = engine.configure({ ...neg, spectrum: 0.2 });
    expect(report).toMatchObject({ applied: 'live', live: ['spectrum'], rebuild: [] });
    expect(run.optimizer.step(1)[0].normalization).toBeCloseTo(spectrumNormalization(0.2, 300), 6);
  });
});
