import { create } from 'zustand';
import type { LossTableColumn, LossTableRow } from '../core/lossTable';
import type { RunClient } from '../state/workerClient';
import { formatLoss } from './format';
import { useRunClient } from './runClientContext';

interface Table1State {
  rows: LossTableRow[] | null;
  error: string | null;
  busy: boolean;
}

/** The last computed table, shared with the Table 1 preset, which computes it when its run ends. */
const useTable1Store = create<Table1State>(() => ({ rows: null, error: null, busy: false }));

/** Asks the worker for Table 1 of the current run; a UserError's message is shown in the panel. */
export async function computeTable1(client: RunClient): Promise<void> {
  useTable1Store.setState({ busy: true, error: null });
  try {
    const rows = await client.lossTable();
    useTable1Store.setState({ rows, busy: false });
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    useTable1Store.setState({ error: message, busy: false });
  }
}

const columns: { key: LossTableColumn; label: string }[] = [
  { key: 'diverged', label: 'diverged (ν = 𝟙(i = j))' },
  { key: 'result', label: 'UMAP result' },
  { key: 'input', label: 'input layout' },
];

const rowLabels: Record<LossTableRow['similarities'], string> = { mu: 'μ (UMAP)', dense: 'dense φ' };

function Cell({ row, column }: { row: LossTableRow; column: LossTableColumn }) {
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

/**
 * Table 1 of the paper: the purported loss (eq. 6) and the effective loss (eq. 12) of a diverged
 * layout, the UMAP result and the input layout; the lowest purported loss per row in bold.
 */
export function Table1Panel() {
  const client = useRunClient();
  const rows = useTable1Store((state) => state.rows);
  const error = useTable1Store((state) => state.error);
  const busy = useTable1Store((state) => state.busy);

  return (
    <section className="table1" aria-label="Table 1">
      <div className="table1-head">
        <h2>Table 1 — losses of three layouts</h2>
        <button type="button" disabled={!client || busy} onClick={() => client && void computeTable1(client)}>
          {busy ? 'Computing…' : 'Compute Table 1'}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {rows && (
        <table>
          <caption>
            Total purported loss ℒ (eq. 6), <strong>lowest in bold</strong>; below it, in grey, the effective
            loss ℒ̃ (eq. 12).
          </caption>
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
          <tbody>
            {rows.map((row) => (
              <tr key={row.similarities}>
                <th scope="row">{rowLabels[row.similarities]}</th>
                {columns.map((column) => (
                  <Cell key={column.key} row={row} column={column.key} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">
        The dense φ row appears after a run with similarity “dense φ” on the same dataset (e.g. the Fig. 1d
        preset), then Compute Table 1 again.
      </p>
    </section>
  );
}
