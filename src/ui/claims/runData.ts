/** What a claim reads (the run on screen and the session's earlier runs) and what it gives back. */
import type { LossTableRow } from '../../core/losses';
import type { ExplorerConfig } from '../../engine/config';
import type { Histograms, RunStatus } from '../../engine/frame';
import type { MultiSeedCurves } from '../../engine/multiSeed';
import type { Table1Seeds } from '../../engine/table1';
import type { SweepView } from '../../state/store';
import type { LabelAgreement } from './labelAgreement';
import type { LatestLosses } from './latestLosses';

export type Verdict = 'reproduced' | 'differs' | 'pending';

export interface Claim {
  /** Stable id within a preset (tests, data attributes). */
  id: string;
  /** What the paper claims, with its numbers and where it says so. */
  claim: string;
  /** This run's numbers, computed from its data. */
  measured: string;
  /** Decided by the numbers: 'pending' while the run has not (yet) settled the question. */
  verdict: Verdict;
  /** Why the numbers give this verdict. */
  why: string;
  /** The numbers behind `measured`, unformatted. */
  values: Record<string, number>;
}

/** A finished run earlier in this session, remembered for the presets that compare with it. */
export interface FinishedRun {
  n: number;
  thicknessRatio?: number;
  lossRatio?: number;
}

/** Everything a claim may read: the run on screen and what the session measured before. */
export interface RunData {
  /** The configuration in effect (the frame's). */
  config: ExplorerConfig;
  status: RunStatus;
  epoch: number;
  nEpochs: number;
  n?: number;
  meanDegree?: number;
  inputThickness?: number;
  thickness?: number;
  ringArcs?: number;
  histograms: Pick<Histograms, 'mu' | 'nuStar' | 'nu' | 'nuEpoch' | 'pairs'> | null;
  /** Totals at the latest evaluation (latestLosses.ts): the loss chart's read-out. */
  latest: LatestLosses | null;
  multiSeed: MultiSeedCurves | null;
  /** Table 1 of this run (engine.lossTable), when computed. */
  table: LossTableRow[] | null;
  /** Table 1 over seeds (the store's `table1`), when computed. */
  table1: Table1Seeds | null;
  labels: LabelAgreement | null;
  /** The sweep on screen (the sweep presets' claims read it). */
  sweep: SweepView | null;
  /** Finished runs of this session, by preset id (the run's configuration was that preset's). */
  earlier: Partial<Record<string, FinishedRun>>;
}
