import { useEffect, useRef } from 'react';
import { type ExplorerConfig, sameConfig } from '../engine/config';
import type { Frame } from '../engine/frame';
import type { SweepSpec } from '../engine/sweep';
import { useExplorerStore } from '../state/store';
import type { RunClient } from '../state/workerClient';
import { latestTotals } from './claims/latestLosses';
import { usePresetStore } from './claims/presetStore';
import { lossRatio, thicknessRatio } from './claims/runMeasures';
import { type Preset, presetConfig, presets } from './presets';
import { useRunClient } from './runClientContext';
import { computePaperTable1, computeTable1 } from './Table1Panel';

/**
 * Resolves with the first frame of run `runId` or later that satisfies `ready`; with null when the
 * change was rejected (the frame carries an error) or `isStale()` turns true (another preset).
 */
function waitForFrame(runId: number, ready: (frame: Frame) => boolean, isStale: () => boolean) {
  return new Promise<Frame | null>((resolve) => {
    const check = (frame: Frame | null) => {
      if (isStale()) return null;
      if (!frame) return undefined;
      if (frame.error) return null;
      if (frame.runId >= runId && ready(frame)) return frame;
      return undefined;
    };
    const first = check(useExplorerStore.getState().frame);
    if (first !== undefined) {
      resolve(first);
      return;
    }
    const unsubscribe = useExplorerStore.subscribe((state) => {
      const result = check(state.frame);
      if (result === undefined) return;
      unsubscribe();
      resolve(result);
    });
  });
}

/** The preset a configuration is, threads aside (they change speed, not what is run). */
export function presetOf(config: ExplorerConfig): Preset | undefined {
  return presets.find((preset) => sameConfig({ ...presetConfig(preset), threads: config.threads }, config));
}

/**
 * Remembers the finished runs of this session whose configuration is a preset's (thickness and
 * loss ratios), so that a later preset can compare with them (Fig. 1c and §7.3 with Fig. 1b).
 */
function useRecordFinishedRuns() {
  useEffect(() => {
    let recorded = -1;
    return useExplorerStore.subscribe((state) => {
      const frame = state.frame;
      if (frame?.status !== 'done' || frame.runId === recorded || !state.runInfo) return;
      recorded = frame.runId;
      const preset = presetOf(frame.config);
      if (!preset) return;
      const finished = {
        n: state.runInfo.n,
        thicknessRatio: thicknessRatio({
          thickness: frame.thickness,
          inputThickness: state.runInfo.inputThickness,
        }),
        lossRatio: lossRatio(latestTotals(state.history, null)),
      };
      usePresetStore.setState((current) => ({ finished: { ...current.finished, [preset.id]: finished } }));
    });
  }, []);
}

/**
 * One-click configurations reproducing the paper's figures: a strip of buttons under the header.
 * The caption and claim card of the preset clicked last sit beside its plot (claims/ClaimCard.tsx).
 */
export function PresetPanel() {
  const client = useRunClient();
  const activeId = usePresetStore((state) => state.activeId);
  // Bumped by every preset click: an older preset's pending follow-up (table, seeds) is dropped.
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );
  useRecordFinishedRuns();

  async function run(preset: Preset, config: ExplorerConfig, runClient: RunClient) {
    generation.current += 1;
    const mine = generation.current;
    const isStale = () => generation.current !== mine;
    usePresetStore.setState({ activeId: preset.id, seeds: { phase: 'idle' } });
    const report = await runClient.configure(config);
    // Presets stay within the menus' sizes, so none waits for a confirmation; if one ever did, it runs once confirmed.
    if (!report) return;
    // An unchanged configuration keeps its run: start it over so the preset shows the whole run.
    if (report.applied !== 'restart') await runClient.reset();
    const action = preset.action;
    if (action.kind === 'sweep') {
      // The sweep runs from the configuration in effect, once its first run is built (the sweep's
      // panels share its data and kNN stages' work only through their own cache, not this run's).
      const built = await waitForFrame(report.runId, (frame) => frame.status !== 'building', isStale);
      if (!built || isStale()) return;
      await runClient.runSweep(action.sweep);
      return;
    }
    if (action.kind === 'seeds') {
      const built = await waitForFrame(report.runId, (frame) => frame.status !== 'building', isStale);
      if (!built || isStale()) return;
      usePresetStore.setState({ seeds: { phase: 'running', seeds: action.seeds } });
      try {
        const curves = await runClient.runSeeds(action.seeds, action.every);
        if (isStale()) return;
        usePresetStore.setState({
          seeds: curves ? { phase: 'done', seeds: curves.seeds } : { phase: 'idle' },
        });
        // Seed 0 of the curves is the main run: play it, so the scatter and readouts show where the curves end.
        if (curves) await runClient.play();
      } catch (caught) {
        if (!isStale())
          usePresetStore.setState({
            seeds: { phase: 'error', message: caught instanceof Error ? caught.message : String(caught) },
          });
      }
      return;
    }
    await runClient.play();
    if (action.kind === 'table') {
      const done = await waitForFrame(report.runId, (frame) => frame.status === 'done', isStale);
      if (!done || isStale()) return;
      await computeTable1(runClient);
      // The same table for the claim card (the panel keeps its copy to itself); a few ms at n = 1 000.
      const rows = await runClient.lossTable().catch(() => null);
      if (rows && !isStale()) usePresetStore.setState({ table: { runId: done.runId, rows } });
      // Then the paper's own setting: 7 seeds × 10 000 epochs, mean ± std (about 1.5 min; progress in the panel).
      if (!isStale()) await computePaperTable1(runClient, false);
    }
  }

  function apply(preset: Preset) {
    if (client) void run(preset, presetConfig(preset), client);
  }

  return (
    <section className="presets" aria-label="Paper presets">
      <h2>Paper presets</h2>
      <div className="preset-buttons">
        {presets.map((preset) => (
          <button
            key={preset.id}
            type="button"
            aria-pressed={preset.id === activeId}
            disabled={!client}
            onClick={() => apply(preset)}
          >
            <span className="preset-figure">{preset.figure}</span>{' '}
            <span className="preset-title">{preset.title}</span>
          </button>
        ))}
      </div>
    </section>
  );
}

/**
 * A toggle's click: the setting flipped on the current configuration, played at once; for a sweep
 * preset, its sweep run again from the flipped configuration instead.
 */
export function useSwitchSetting() {
  const client = useRunClient();
  return async (patch: Partial<ExplorerConfig>, sweep?: SweepSpec) => {
    if (!client) return;
    const report = await client.configure({ ...useExplorerStore.getState().config, ...patch });
    if (!report) return;
    if (!sweep) {
      await client.play();
      return;
    }
    const built = await waitForFrame(
      report.runId,
      (frame) => frame.status !== 'building',
      () => false,
    );
    if (built) await client.runSweep(sweep);
  };
}
