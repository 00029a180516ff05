import { useState } from 'react';
import { create } from 'zustand';
import type { LossTableRow } from '../core/losses';
import { defaultConfig } from '../engine/config';
import { denseRowNote, PAPER_TABLE1_EPOCHS, PAPER_TABLE1_SEEDS } from '../engine/table1Reference';
import { useExplorerStore } from '../state/store';
import type { RunClient } from '../state/workerClient';
import { formatInteger } from './format';
import { useRunClient } from './runClientContext';
import { QuickTable, SeedsTable } from './Table1Tables';
import { TaskProgress } from './TaskProgress';

interface Table1State {
  /** The quick table: one run, the current one (engine.lossTable). */
  rows: LossTableRow[] | null;
  /** Which table the panel shows: the one computed last. */
  shown: 'quick' | 'seeds';
  error: string | null;
  busy: boolean;
}

/** The last computed quick table, shared with the Table 1 preset, which computes it when its run ends. */
const useTable1Store = create<Table1State>(() => ({ rows: null, shown: 'quick', error: null, busy: false }));

const messageOf = (caught: unknown) => (caught instanceof Error ? caught.message : String(caught));

/** Asks the worker for Table 1 of the current run; a UserError's message is shown in the panel. */
export async function computeTable1(client: RunClient): Promise<void> {
  useTable1Store.setState({ busy: true, error: null });
  try {
    const rows = await client.lossTable();
    useTable1Store.setState({ rows, shown: 'quick', busy: false });
  } catch (caught) {
    useTable1Store.setState({ error: messageOf(caught), busy: false });
  }
}

/**
 * Table 1 with the paper's settings (docs/algorithm.md §3.5): Fig. 1b's ring for seeds 0–6, data
 * seed = optimizer seed, 10 000 epochs each; the dense-φ row too with `dense`.
 */
export async function computePaperTable1(client: RunClient, dense: boolean): Promise<void> {
  useTable1Store.setState({ error: null });
  try {
    const table = await client.runTable1({
      seeds: PAPER_TABLE1_SEEDS,
      epochs: PAPER_TABLE1_EPOCHS,
      dense,
      config: { ...defaultConfig, epochs: PAPER_TABLE1_EPOCHS },
    });
    if (table) useTable1Store.setState({ shown: 'seeds' });
  } catch (caught) {
    useTable1Store.setState({ error: messageOf(caught) });
  }
}

function Table1Progress({ client }: { client: RunClient | null }) {
  const progress = useExplorerStore((state) => state.table1Progress);
  if (!progress) return null;
  return (
    <TaskProgress
      what={`Table 1 over seeds: ${formatInteger(progress.done)} of ${formatInteger(progress.total)} epochs`}
      fraction={progress.total > 0 ? progress.done / progress.total : 0}
      remainingSeconds={progress.remainingSeconds}
      onCancel={() => client && void client.cancel()}
    />
  );
}

/**
 * Table 1 of the paper: the purported loss (eq. 6) and the effective loss (eq. 12) of a diverged
 * layout, the UMAP result and the input layout; the lowest purported loss per row in bold. Quick:
 * the current run. Paper settings: 10 000 epochs × 7 seeds, mean ± std, beside the paper's values.
 */
export function Table1Panel() {
  const client = useRunClient();
  const rows = useTable1Store((state) => state.rows);
  const shown = useTable1Store((state) => state.shown);
  const error = useTable1Store((state) => state.error);
  const busy = useTable1Store((state) => state.busy);
  const seedsTable = useExplorerStore((state) => state.table1);
  const seedsRunning = useExplorerStore((state) => state.table1Progress !== null);
  const currentEpochs = useExplorerStore((state) => state.frame?.nEpochs ?? state.config.epochs);
  const [dense, setDense] = useState(false);

  const showSeeds = shown === 'seeds' && seedsTable !== null;
  const shownDense = showSeeds
    ? seedsTable.rows.some((row) => row.similarities === 'dense')
    : (rows?.some((row) => row.similarities === 'dense') ?? false);

  return (
    <section className="table1" aria-label="Table 1">
      <div className="table1-head">
        <h2>Table 1 — losses of three layouts</h2>
      </div>
      <div className="table1-actions">
        <button
          type="button"
          disabled={!client || busy || seedsRunning}
          onClick={() => client && void computeTable1(client)}
        >
          {busy ? 'Computing…' : `Quick (${formatInteger(currentEpochs)} epochs, 1 seed)`}
        </button>
        <button
          type="button"
          disabled={!client || busy || seedsRunning}
          onClick={() => client && void computePaperTable1(client, dense)}
        >
          Paper settings ({formatInteger(PAPER_TABLE1_EPOCHS)} epochs × {PAPER_TABLE1_SEEDS} seeds)
        </button>
        <label>
          <input
            type="checkbox"
            checked={dense}
            disabled={seedsRunning}
            onChange={(event) => setDense(event.target.checked)}
          />{' '}
          with the dense φ row (about 18× the time)
        </label>
      </div>
      <Table1Progress client={client} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {(showSeeds || rows) && (
        // Three wide columns: scroll sideways in a narrow panel rather than cut the last one off.
        <div className="table1-scroll" style={{ overflowX: 'auto' }}>
          {showSeeds ? <SeedsTable table={seedsTable} /> : rows && <QuickTable rows={rows} />}
        </div>
      )}
      {shownDense && <p className="hint">{denseRowNote}</p>}
      <p className="hint">
        Quick scores the current run. Its dense φ row appears after a run with similarity “dense φ” on the
        same dataset (e.g. the Fig. 1d preset), then Quick again. Paper settings runs the paper ring for seeds
        0–6 (each its own data), {formatInteger(PAPER_TABLE1_EPOCHS)} epochs each, one after another (a few
        minutes; the current run pauses).
      </p>
    </section>
  );
}
