/** Table 1 as the panel shows it: one run (quick), or mean ± std over seeds beside the paper's values. */
import { format } from 'd3';
import type { LossTableColumn, LossTableRow } from '../core/losses';
import type { Table1SeedRow, Table1Seeds } from '../engine/table1';
import { isPaperTable1Setting, type ReferenceValue, table1Reference } from '../engine/table1Reference';
import { formatElapsed, formatInteger, formatLoss } from './format';

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

export function QuickTable({ rows }: { rows: LossTableRow[] }) {
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

export function SeedsTable({ table }: { table: Table1Seeds }) {
  const seeds = table.seeds;
  const withReferences = isPaperTable1Setting(table.config, seeds.length, table.epochs);
  const seedRange = seeds.length === 1 ? `seed ${seeds[0]}` : `seeds ${seeds[0]}–${seeds[seeds.length - 1]}`;
  return (
    <table data-seeds={seeds.length} data-epochs={table.epochs}>
      <caption>
        Mean ± std (population) over {seedRange}, {formatInteger(table.epochs)} epochs each
        {table.dataVaries ? ' (each seed draws its own data, as the paper)' : ''}, {table.config.dataset} n ={' '}
        {formatInteger(table.config.n)}, k = {table.config.k}, m = {table.config.m}, {table.config.init} init;
        computed in {formatElapsed(table.elapsedSeconds)}. Total purported loss ℒ (eq. 6), mean ± std,{' '}
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
