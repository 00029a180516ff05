import { useEffect, useRef, useState } from 'react';
import type { ExplorerConfig } from '../engine/config';
import type { Frame } from '../engine/frame';
import { useExplorerStore } from '../state/store';
import type { RunClient } from '../state/workerClient';
import { formatPercent } from './format';
import { type Preset, type PresetToggle, presetConfig, presets } from './presets';
import { useRunClient } from './runClientContext';
import { computeTable1 } from './Table1Panel';

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

type SeedsState =
  | { phase: 'idle' }
  | { phase: 'running'; seeds: number }
  | { phase: 'done'; seeds: number }
  | { phase: 'error'; message: string };

function isToggleState(config: ExplorerConfig, state: Partial<ExplorerConfig>) {
  return Object.entries(state).every(([key, value]) => config[key as keyof ExplorerConfig] === value);
}

function ToggleButton({
  toggle,
  onSwitch,
}: {
  toggle: PresetToggle;
  onSwitch: (patch: Partial<ExplorerConfig>) => void;
}) {
  const config = useExplorerStore((state) => state.config);
  const target = isToggleState(config, toggle.states[1]) ? 0 : 1;
  return (
    <button type="button" className="preset-toggle" onClick={() => onSwitch(toggle.states[target])}>
      {toggle.labels[target]}
    </button>
  );
}

function SeedsProgress({ state }: { state: SeedsState }) {
  const progress = useExplorerStore((s) => s.progress);
  if (state.phase === 'running') {
    const fraction = progress?.stage === 'seeds' ? progress.fraction : 0;
    return (
      <p role="status" className="preset-progress">
        <label>
          Running {state.seeds} seeds <progress max={1} value={fraction} /> {formatPercent(fraction)}
        </label>
      </p>
    );
  }
  if (state.phase === 'done') {
    return (
      <p role="status" className="preset-progress">
        {state.seeds} seeds done: the loss chart shows mean ± std bands.
      </p>
    );
  }
  if (state.phase === 'error') {
    return (
      <p role="alert" className="error">
        {state.message}
      </p>
    );
  }
  return null;
}

/** One-click configurations reproducing the paper's figures, each with what to look for. */
export function PresetPanel() {
  const client = useRunClient();
  const [activeId, setActiveId] = useState<string | null>(null);
  const [seeds, setSeeds] = useState<SeedsState>({ phase: 'idle' });
  // Bumped by every preset click: an older preset's pending follow-up (table, seeds) is dropped.
  const generation = useRef(0);
  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  async function run(preset: Preset, config: ExplorerConfig, runClient: RunClient) {
    generation.current += 1;
    const mine = generation.current;
    const isStale = () => generation.current !== mine;
    setActiveId(preset.id);
    setSeeds({ phase: 'idle' });
    const report = await runClient.configure(config);
    // Presets stay within the menus' sizes, so none waits for a confirmation; if one ever did, it runs once confirmed.
    if (!report) return;
    // An unchanged configuration keeps its run: start it over so the preset shows the whole run.
    if (report.applied !== 'restart') await runClient.reset();
    const action = preset.action;
    if (action.kind === 'seeds') {
      const built = await waitForFrame(report.runId, (frame) => frame.status !== 'building', isStale);
      if (!built || isStale()) return;
      setSeeds({ phase: 'running', seeds: action.seeds });
      try {
        const curves = await runClient.runSeeds(action.seeds, action.every);
        if (!isStale()) setSeeds(curves ? { phase: 'done', seeds: curves.seeds } : { phase: 'idle' });
      } catch (caught) {
        if (!isStale())
          setSeeds({ phase: 'error', message: caught instanceof Error ? caught.message : String(caught) });
      }
      return;
    }
    await runClient.play();
    if (action.kind === 'table') {
      const done = await waitForFrame(report.runId, (frame) => frame.status === 'done', isStale);
      if (done && !isStale()) await computeTable1(runClient);
    }
  }

  function apply(preset: Preset) {
    if (client) void run(preset, presetConfig(preset), client);
  }

  function switchSetting(patch: Partial<ExplorerConfig>) {
    if (!client) return;
    generation.current += 1;
    void client.configure({ ...useExplorerStore.getState().config, ...patch }).then(() => client.play());
  }

  const active = presets.find((preset) => preset.id === activeId);
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
      {active && (
        <div role="note" className="preset-caption" aria-label={`${active.figure}: what to look for`}>
          <p>{active.caption}</p>
          {active.toggle && <ToggleButton toggle={active.toggle} onSwitch={switchSetting} />}
          {active.action.kind === 'seeds' && <SeedsProgress state={seeds} />}
        </div>
      )}
    </section>
  );
}
