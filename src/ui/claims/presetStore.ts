import { create } from 'zustand';
import type { LossTableRow } from '../../core/losses';
import type { FinishedRun } from './runData';

/** Fig. 3's seeds, as the preset runs them. */
export type SeedsState =
  | { phase: 'idle' }
  | { phase: 'running'; seeds: number }
  | { phase: 'done'; seeds: number }
  | { phase: 'error'; message: string };

export interface PresetState {
  /** The preset clicked last: its caption and claim card are shown. */
  activeId: string | null;
  seeds: SeedsState;
  /** Table 1 of one run (engine.lossTable) as the Table 1 preset computed it, with that run's id. */
  table: { runId: number; rows: LossTableRow[] } | null;
  /** Finished runs of this session whose configuration was a preset's, by preset id. */
  finished: Partial<Record<string, FinishedRun>>;
}

/** The paper presets' UI state, shared by the preset strip and the claim card beside the plots. */
export const usePresetStore = create<PresetState>(() => ({
  activeId: null,
  seeds: { phase: 'idle' },
  table: null,
  finished: {},
}));
