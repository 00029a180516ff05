import { format } from 'd3';
import { useState } from 'react';
import { create } from 'zustand';
import type { LossTableColumn, LossTableRow } from '../core/losses';
import { defaultConfig } from '../engine/config';
import type { Table1SeedRow, Table1Seeds } from '../engine/table1';
import {
  denseRowNote,
  isPaperTable1Setting,
  PAPER_TABLE1_EPOCHS,
  PAPER_TABLE1_SEEDS,
  type ReferenceValue,
  table1Reference,
} from '../engine/table1Reference';
import { useExplorerStore } from '../state/store';
import type { RunClient } from '../state/workerClient';
import { formatInteger, formatLoss, formatPercent } from './format';
import { useRunClient } from './runClientContext';

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

const columns: { key: LossTableColumn; label: string }[] = [
  { key: 'diverged', label: 'diverged (ν = 𝟙(i = j))' },
  { key: 'result', label: 'UMAP result' },
  { key: 'input', label: 'input layout' },
];

const rowLabels: Record<LossTableRow['similarities'], string> = { mu: 'μ (UMAP)', dense: 'dense φ' };

/** A reference exactly as its source gives it (thousands grouped, its own digits). */
const formatReferenceNumber = format(',');

/** "mean ± std", kept on one line (non-breaking spaces). */
const plusMinus = (mean: string, std: string) => `${mean}\u00a0±\u00a0${std}`;

function referenceText({ mean, std }: ReferenceValue): string {
  return std === undefined
    ? formatReferenceNumber(mean)
    : plusMinus(formatReferenceNumber(mean), formatReferenceNumber(std));
}

/** Seconds as "2 min 5 s" or "40 s". */
function duration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

function QuickCell({ row, column }: { row: LossTableRow; column: LossTableColumn }) {
  const losses = row.cells[column];
  const purported = formatLoss(losses.purported.total);
  const winner = row.lowest.purported === column;
  return (
    <td data-testid={`table1-${row.similarities}-${column}`} data-winner={winner || undefined}>
      {winner ? <strong>{purported}</strong> : purported}
      <span className="effective" title="effective loss, eq. 12">
        {formatLoss(losses.effective.total)}
      </span>
    </td>
  );
}

function SeedsCell({
  row,
  column,
  withReferences,
}: {
  row: Table1SeedRow;
  column: LossTableColumn;
  withReferences: boolean;
}) {
  const cell = row.cells[column];
  const purported = plusMinus(formatLoss(cell.purported.mean), formatLoss(cell.purported.std));
  const winner = row.lowest.purported === column;
  const reference = table1Reference[row.similarities][column];
  const references: string[] = [];
  if (withReferences) {
    const { paper, umapLearn } = reference.purported;
    if (paper) references.push(`paper ${referenceText(paper)}`);
    if (umapLearn) references.push(`umap-learn ${referenceText(umapLearn)}`);
  }
  const effectivePaper = withReferences ? reference.effective.paper : undefined;
  return (
    <td data-testid={`table1-${row.similarities}-${column}`} data-winner={winner || undefined}>
      {winner ? <strong>{purported}</strong> : purported}
      {references.map((text) => (
        <span key={text} className="effective" data-testid={`table1-${row.similarities}-${column}-reference`}>
          {text}
        </span>
      ))}
      <span className="effective" title="effective loss, eq. 12">
        ℒ̃ {plusMinus(formatLoss(cell.effective.mean), formatLoss(cell.effective.std))}
      </span>
      {effectivePaper && (
        <span className="effective" title="effective loss printed by the paper’s notebook (stability.ipynb)">
          notebook {referenceText(effectivePaper)}
        </span>
      )}
    </td>
  );
}

function TableHead() {
  return (
    <thead>
      <tr>
        <th scope="col">input similarities</th>
        {columns.map((column) => (
          <th key={column.key} scope="col">
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function QuickTable({ rows }: { rows: LossTableRow[] }) {
  return (
    <table>
      <caption>
        One run (the current one). Total purported loss ℒ (eq. 6), <strong>lowest in bold</strong>; below it,
        in grey, the effective loss ℒ̃ (eq. 12).
      </caption>
      <TableHead />
      <tbody>
        {rows.map((row) => (
          <tr key={row.similarities}>
            <th scope="row">{rowLabels[row.similarities]}</th>
            {columns.map((column) => (
              <QuickCell key={column.key} row={row} column={column.key} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SeedsTable({ table }: { table: Table1Seeds }) {
  const seeds = table.seeds;
  const withReferences = isPaperTable1Setting(table.config, seeds.length, table.epochs);
  const seedRange = seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${seeds[0]}–${seeds[seeds.length - 1]}`;
  return (
    <table data-seeds={seeds.length} data-epochs={table.epochs}>
      <caption>
        Mean ± std (population) over {seedRange}, {formatInteger(table.epochs)} epochs each
        {table.dataVaries ? ' (each seed draws its own data, as the paper)' : ''}, {table.config.dataset} n ={' '}
        {formatInteger(table.config.n)}, k = {table.config.k}, m = {table.config.m}, {table.config.init} init;
        computed in {duration(table.elapsedSeconds)}. Total purported loss ℒ (eq. 6), mean ± std,{' '}
        <strong>lowest mean in bold</strong>
        {withReferences ? ', with the paper’s value and umap-learn’s (same recipe) beside it' : ''}; below it,
        in grey, the effective loss ℒ̃ (eq. 12).
      </caption>
      <TableHead />
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.similarities}>
            <th scope="row">{rowLabels[row.similarities]}</th>
            {columns.map((column) => (
              <SeedsCell key={column.key} row={row} column={column.key} withReferences={withReferences} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Table1Progress({ client }: { client: RunClient | null }) {
  const progress = useExplorerStore((state) => state.table1Progress);
  if (!progress) return null;
  const fraction = progress.total > 0 ? progress.done / progress.total : 0;
  const left =
    progress.remainingSeconds === undefined
      ? 'estimating the time left…'
      : `about ${duration(progress.remainingSeconds)} left`;
  return (
    <p role="status" className="preset-progress">
      <label>
        Table 1 over seeds: {formatInteger(progress.done)} of {formatInteger(progress.total)} epochs{' '}
        <progress max={1} value={fraction} /> {formatPercent(fraction)}, {left}
      </label>{' '}
      <button type="button" onClick={() => client && void client.cancel()}>
        Cancel
      </button>
    </p>
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
