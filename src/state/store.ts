import { create } from 'zustand';
import type { AuditProgress, AuditResult, ContinueRequest, ContinueResult } from '../engine/auditSession';
import { defaultConfig, type ExplorerConfig, sameConfig } from '../engine/config';
import type { CsvSource } from '../engine/csvSession';
import type { ChangeReport, Frame, Histograms, RunInfo, StageProgressReport } from '../engine/frame';
import type { MultiSeedCurves } from '../engine/multiSeed';
import type { RunEstimate } from '../engine/runEstimate';
import type { SliceProgress } from '../engine/seedTasks';
import type { SweepPanel, SweepProgress, SweepSpec } from '../engine/sweep';
import type { Table1Progress, Table1Seeds } from '../engine/table1';
import { appendToHistory, emptyHistory, type LossHistory } from './lossHistory';
import type { CsvIdentity } from './urlCodec';

/** A configuration held back for confirmation, with its forecast. */
export interface PendingRun {
  config: ExplorerConfig;
  estimate: RunEstimate;
}

/** A parameter sweep on screen: its spec and base configuration, and its panels as they arrive. */
export interface SweepView {
  spec: SweepSpec;
  base: ExplorerConfig;
  /** Finished panels, in order (a running sweep has fewer than its values). */
  panels: SweepPanel[];
  /** How many panels the sweep runs. */
  count: number;
  /** Whether the panels share their points and were Procrustes-aligned. */
  aligned: boolean;
  notices: string[];
  status: 'running' | 'done' | 'cancelled' | 'failed';
  error?: string;
  elapsedSeconds?: number;
}

/** The audit of a UMAP made elsewhere: the files being read, or how the last reading ended. */
export interface AuditView {
  status: 'reading' | 'done' | 'failed' | 'cancelled';
  /** Why the last reading failed (status 'failed'). */
  error?: string;
  /** The last successful audit: kept while the next one reads and when it fails. */
  result: AuditResult | null;
  /** The step the audit being read is at (status 'reading'), once the worker has announced one. */
  progress?: AuditProgress;
}

/** "Continue from it" on the audited layout: the continuation running, or how the last one ended. */
export interface ContinuationView {
  status: 'running' | 'done' | 'cancelled' | 'failed';
  /** What runs or ran last. */
  request: ContinueRequest;
  /** While running: the share done and the time left. */
  progress?: SliceProgress;
  error?: string;
  /** The last continuation that finished: kept while the next runs and when it fails or is cancelled. */
  result: ContinueResult | null;
}

/** A CSV file the engine holds: its identity (for links), shape (for the configuration rules) and how it was read (for the umap-learn script). */
export interface LoadedCsv extends CsvIdentity {
  n: number;
  dim: number;
  source: CsvSource;
}

export interface ExplorerState {
  /** What the controls show: the configuration last asked for. */
  config: ExplorerConfig;
  /** The latest frame of the current run; its embedding is what the scatter shows. */
  frame: Frame | null;
  runInfo: RunInfo | null;
  histograms: Histograms | null;
  history: LossHistory;
  /** Frames of runs older than this are from superseded runs and are dropped. */
  minRunId: number;
  lastChange: ChangeReport | null;
  /** What the configuration rules changed in the configuration last asked for, and why (engine/configRules.ts). */
  adjustments: string[];
  setAdjustments(adjustments: string[]): void;
  /** Points of the pairs brushed in the per-pair views (sorted indices), shown in the scatter; null: none. */
  highlight: Int32Array | null;
  setHighlight(highlight: Int32Array | null): void;
  /** A run larger than the menus offer, waiting for the user's go-ahead. */
  pendingRun: PendingRun | null;
  setPendingRun(pendingRun: PendingRun | null): void;
  progress: StageProgressReport | null;
  /** Fig. 3's mean ± std curves of the last multi-seed run (cleared by a restart). */
  multiSeed: MultiSeedCurves | null;
  setMultiSeed(curves: MultiSeedCurves | null): void;
  /** Table 1 over seeds (engine/table1.ts), the last one computed; kept across runs (it names its own setting). */
  table1: Table1Seeds | null;
  setTable1(table: Table1Seeds | null): void;
  /** While Table 1 over seeds runs: epochs done of all its runs, and the time left once estimated. */
  table1Progress: Table1Progress | null;
  setTable1Progress(progress: Table1Progress | null): void;
  /**
   * The sweep the page shows (and its link carries): set when a sweep starts, kept when it ends;
   * null: no sweep view. `previousSweep` is the one before, for the metric charts' comparison.
   */
  sweep: SweepView | null;
  previousSweep: SweepView | null;
  setSweep(sweep: SweepView | null): void;
  /** A finished panel of the running sweep. */
  addSweepPanel(panel: SweepPanel, index: number): void;
  sweepProgress: SweepProgress | null;
  setSweepProgress(progress: SweepProgress | null): void;
  /** The CSV file loaded last (the engine holds its dataset); the URL and the exports name it. */
  csv: LoadedCsv | null;
  setCsv(csv: LoadedCsv | null): void;
  /** The audit of the user's own UMAP files (workerClient's auditUmapFiles); null: none asked for. */
  audit: AuditView | null;
  setAudit(audit: AuditView | null): void;
  /** The continuation of the audit shown (workerClient's continueAudit); null: none, or a newer audit. */
  auditContinuation: ContinuationView | null;
  setAuditContinuation(continuation: ContinuationView | null): void;
  setConfig(config: ExplorerConfig): void;
  changeApplied(report: ChangeReport): void;
  /** A restart was asked for: frames of the current run are stale from now on. */
  expectRestart(): void;
  acceptFrame(frame: Frame): void;
  /**
   * A run's RunInfo ahead of the first frame that carries it: the run client applies the two in
   * separate tasks (per-point colours and legend first, then the charts), so that neither holds the
   * main thread long at n = 200 000. Ignored for a stale run.
   */
  acceptRunInfo(runId: number, runInfo: RunInfo): void;
  setProgress(progress: StageProgressReport | null): void;
}

/**
 * A store for one run. The app's run is `useExplorerStore`; compare mode creates a second one for
 * its variant run (each store is fed by its own run worker).
 */
export function createExplorerStore() {
  return create<ExplorerState>((set, get) => ({
    config: defaultConfig,
    frame: null,
    runInfo: null,
    histograms: null,
    history: emptyHistory(0),
    minRunId: 0,
    lastChange: null,
    adjustments: [],
    setAdjustments: (adjustments) => set({ adjustments }),
    highlight: null,
    setHighlight: (highlight) => set({ highlight }),
    pendingRun: null,
    setPendingRun: (pendingRun) => set({ pendingRun }),
    progress: null,
    multiSeed: null,
    setMultiSeed: (multiSeed) => set({ multiSeed }),
    table1: null,
    setTable1: (table1) => set({ table1 }),
    table1Progress: null,
    setTable1Progress: (table1Progress) => set({ table1Progress }),
    sweep: null,
    previousSweep: null,
    setSweep: (sweep) =>
      set((state) => ({
        sweep,
        // A new sweep keeps the last finished one for comparison; closing the view drops both.
        previousSweep:
          sweep === null
            ? null
            : sweep.status === 'running' && state.sweep?.status === 'done'
              ? state.sweep
              : state.previousSweep,
      })),
    addSweepPanel: (panel, index) =>
      set((state) => {
        const { sweep } = state;
        if (sweep?.status !== 'running') return {};
        const panels = sweep.panels.slice(0, index);
        panels[index] = panel;
        return { sweep: { ...sweep, panels } };
      }),
    sweepProgress: null,
    setSweepProgress: (sweepProgress) => set({ sweepProgress }),
    csv: null,
    setCsv: (csv) => set({ csv }),
    audit: null,
    setAudit: (audit) => set({ audit }),
    auditContinuation: null,
    setAuditContinuation: (auditContinuation) => set({ auditContinuation }),
    setConfig: (config) => set({ config }),
    changeApplied: (report) =>
      set((state) => ({ lastChange: report, minRunId: Math.max(state.minRunId, report.runId) })),
    expectRestart: () =>
      set((state) => ({ minRunId: Math.max(state.minRunId, (state.frame?.runId ?? 0) + 1) })),
    acceptRunInfo(runId, runInfo) {
      if (runId >= get().minRunId) set({ runInfo });
    },
    acceptFrame(frame) {
      const state = get();
      if (frame.runId < state.minRunId) return;
      const newRun = frame.runId !== state.history.runId;
      const history = newRun ? emptyHistory(frame.runId) : state.history;
      // Every frame arrives with a fresh copy of its configuration; keeping the previous object when
      // nothing changed lets whatever selects `frame.config` (URL sync, Copy link) skip the frame.
      const previousConfig = state.frame?.config;
      const config =
        previousConfig && sameConfig(previousConfig, frame.config) ? previousConfig : frame.config;
      set({
        frame: config === frame.config ? frame : { ...frame, config },
        minRunId: frame.runId,
        // A rejected change leaves the previous configuration in effect: the controls follow it.
        config: frame.error ? frame.config : state.config,
        runInfo: frame.runInfo ?? (newRun ? null : state.runInfo),
        histograms: frame.histograms ?? (newRun ? null : state.histograms),
        history: appendToHistory(history, frame.actual, frame.evaluations),
        progress: frame.progress ?? null,
        multiSeed: newRun ? null : state.multiSeed,
        // A brushed selection belongs to the run it was made on.
        highlight: newRun ? null : state.highlight,
      });
    },
    setProgress: (progress) => set({ progress }),
  }));
}

export type ExplorerStore = ReturnType<typeof createExplorerStore>;

/** The app's run: what the controls, the main scatter and the charts show. */
export const useExplorerStore = createExplorerStore();
