import { useMemo } from 'react';
import { sameConfig } from '../../engine/config';
import type { Frame } from '../../engine/frame';
import type { SweepSpec } from '../../engine/sweep';
import type { LossHistory } from '../../state/lossHistory';
import { type ExplorerState, useExplorerStore } from '../../state/store';
import { useThrottledStoreValue } from '../../state/useThrottledStoreValue';
import { formatInteger, formatPercent } from '../format';
import { useSwitchSetting } from '../PresetPanel';
import { type PresetToggle, presetConfig, presets } from '../presets';
import { presetClaims } from './claims';
import { labelAgreement, MAX_LABEL_AGREEMENT_POINTS } from './labelAgreement';
import { latestTotals } from './latestLosses';
import { type SeedsState, usePresetStore } from './presetStore';
import type { Claim, RunData, Verdict } from './runData';

/** The card follows the run at this pace: it is read, not watched. */
const CARD_INTERVAL_MS = 250;

const selectFrame = (state: ExplorerState): Frame | null => state.frame;
const selectHistory = (state: ExplorerState): LossHistory => state.history;

const verdictLabels: Record<Verdict, string> = {
  reproduced: 'reproduced',
  differs: 'differs',
  pending: 'not decided yet',
};

function ToggleButton({ toggle, sweep }: { toggle: PresetToggle; sweep?: SweepSpec }) {
  const config = useExplorerStore((state) => state.config);
  const switchSetting = useSwitchSetting();
  const inSecond = Object.entries(toggle.states[1]).every(
    ([key, value]) => config[key as keyof typeof config] === value,
  );
  const target = inSecond ? 0 : 1;
  return (
    <button
      type="button"
      className="preset-toggle"
      onClick={() => void switchSetting(toggle.states[target], sweep)}
    >
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
        {state.seeds} seeds done; the main run (seed 0) plays in the scatter.
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

function ClaimRow({ claim }: { claim: Claim }) {
  return (
    <li className="claim" data-claim={claim.id} data-verdict={claim.verdict}>
      <p className="claim-paper">
        <span className="claim-label">Paper</span> {claim.claim}
      </p>
      <p className="claim-measured">
        <span className="claim-label">This run</span>{' '}
        <span data-testid={`claim-${claim.id}-measured`}>{claim.measured}</span>
      </p>
      <p className="claim-verdict">
        <span className={`verdict verdict-${claim.verdict}`} data-testid={`claim-${claim.id}-verdict`}>
          {verdictLabels[claim.verdict]}
        </span>{' '}
        {claim.why}
      </p>
    </li>
  );
}

/**
 * The active preset's caption and claim card: what the paper claims (with its numbers), the same
 * quantities computed from the run on screen, and the verdict those numbers give.
 */
export function ClaimCard() {
  const activeId = usePresetStore((state) => state.activeId);
  const seeds = usePresetStore((state) => state.seeds);
  const quickTable = usePresetStore((state) => state.table);
  const earlier = usePresetStore((state) => state.finished);
  const frame = useThrottledStoreValue(useExplorerStore, selectFrame, CARD_INTERVAL_MS);
  const history = useThrottledStoreValue(useExplorerStore, selectHistory, CARD_INTERVAL_MS);
  const runInfo = useExplorerStore((state) => state.runInfo);
  const histograms = useExplorerStore((state) => state.histograms);
  const multiSeed = useExplorerStore((state) => state.multiSeed);
  const table1 = useExplorerStore((state) => state.table1);
  const sweep = useExplorerStore((state) => state.sweep);
  const preset = presets.find((entry) => entry.id === activeId);

  // The label agreement is an O(n²) scan: only on a settled embedding (ended or paused).
  const settled = frame && (frame.status === 'done' || frame.status === 'paused') && frame.epoch > 0;
  const settledHash = settled ? frame.embeddingHash : null;
  const labels = useMemo(() => {
    const points = settledHash ? useExplorerStore.getState().frame?.embedding : undefined;
    const pointLabels = runInfo?.labels;
    if (!points || !pointLabels || preset?.id !== 'fig2b' || pointLabels.length > MAX_LABEL_AGREEMENT_POINTS)
      return null;
    if (points.length !== 2 * pointLabels.length) return null;
    return labelAgreement(points, pointLabels, 10);
  }, [settledHash, runInfo, preset?.id]);

  if (!preset) return null;
  const config = frame?.config ?? presetConfig(preset);
  const data: RunData = {
    config,
    status: frame?.status ?? 'empty',
    epoch: frame?.epoch ?? 0,
    nEpochs: frame?.nEpochs ?? config.epochs,
    n: runInfo?.n,
    meanDegree: runInfo?.meanDegree,
    inputThickness: runInfo?.inputThickness,
    thickness: frame?.thickness,
    ringArcs: frame?.ringArcs,
    histograms,
    latest: latestTotals(history, multiSeed),
    multiSeed,
    table: quickTable && frame && quickTable.runId === frame.runId ? quickTable.rows : null,
    table1: table1 ?? null,
    labels,
    sweep,
    earlier,
  };
  const claims = presetClaims(preset.id, data);
  const toggled = preset.toggle?.states.some((state) =>
    sameConfig({ ...presetConfig(preset), ...state }, config),
  );
  const ownSettings = sameConfig({ ...presetConfig(preset), threads: config.threads }, config) || toggled;
  const running = frame?.status === 'running' || seeds.phase === 'running' || sweep?.status === 'running';
  return (
    <div
      role="note"
      className="preset-caption"
      aria-label={`${preset.figure}: what to look for`}
      data-preset={preset.id}
      data-status={frame?.status}
    >
      <p className="preset-caption-head">
        <strong>
          {preset.figure} — {preset.title}
        </strong>
        {frame && (
          <span className="preset-caption-status">
            {' '}
            · epoch {formatInteger(frame.epoch)} / {formatInteger(frame.nEpochs)}
            {running ? ' · running: verdicts are provisional' : frame.status === 'done' ? ' · run ended' : ''}
          </span>
        )}
        <button
          type="button"
          className="preset-caption-close"
          aria-label={`Close the ${preset.figure} card`}
          onClick={() => usePresetStore.setState({ activeId: null })}
        >
          ×
        </button>
      </p>
      <p className="preset-caption-text">{preset.caption(config)}</p>
      {!ownSettings && (
        <p className="preset-caption-warning">
          The settings now differ from the preset’s: the numbers below are of the run on screen.
        </p>
      )}
      {preset.toggle && (
        <ToggleButton
          toggle={preset.toggle}
          sweep={preset.action.kind === 'sweep' ? preset.action.sweep : undefined}
        />
      )}
      {preset.action.kind === 'seeds' && <SeedsProgress state={seeds} />}
      <ul className="claims" aria-label={`${preset.figure}: the paper against this run`}>
        {claims.map((claim) => (
          <ClaimRow key={claim.id} claim={claim} />
        ))}
      </ul>
    </div>
  );
}
