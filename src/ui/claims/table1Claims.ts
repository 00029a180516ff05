import type { LossTableColumn } from '../../core/losses';
import type { Table1Seeds } from '../../engine/table1';
import { PAPER_TABLE1_EPOCHS, PAPER_TABLE1_MU, PAPER_TABLE1_SEEDS } from '../../engine/table1Reference';
import { formatInteger, formatLoss } from '../format';
import { prose } from './claimFormat';
import type { Claim, RunData, Verdict } from './runData';

/** Whether a seeds table has the paper's row μ; its mean losses by column. */
function seedsRow(table: Table1Seeds | null) {
  return table?.rows.find((row) => row.similarities === 'mu') ?? null;
}

const columnNames: Record<LossTableColumn, string> = {
  diverged: 'diverged',
  result: 'UMAP result',
  input: 'input layout',
};

/** Table 1: the diverged layout, not UMAP's result, has the lowest purported loss. */
export function table1Claims(data: RunData): Claim[] {
  const paper = PAPER_TABLE1_MU;
  const claim =
    `Table 1 (ring, ${PAPER_TABLE1_SEEDS} seeds, ${prose(PAPER_TABLE1_EPOCHS)} epochs): the diverged layout ν = 𝟙(i = j) has the lowest ` +
    `purported loss, ${prose(paper.diverged.mean)} ± ${prose(paper.diverged.std)}, against ` +
    `${prose(paper.result.mean)} ± ${prose(paper.result.std)} for the UMAP result and ` +
    `${prose(paper.input.mean)} ± ${prose(paper.input.std)} for the input layout — UMAP does not minimise eq. 6.`;
  const claims: Claim[] = [];
  const decide = (lowest: LossTableColumn) =>
    lowest === 'diverged'
      ? {
          verdict: 'reproduced' as Verdict,
          why: 'The diverged layout has the lowest purported loss, as in the paper.',
        }
      : {
          verdict: 'differs' as Verdict,
          why: `The ${columnNames[lowest]} has the lowest purported loss, not the diverged layout.`,
        };
  const row = data.table?.find((entry) => entry.similarities === 'mu');
  if (row) {
    const cells = row.cells;
    claims.push({
      id: 'table1-run',
      claim,
      measured:
        `one run of ${formatInteger(data.nEpochs)} epochs: diverged ${formatLoss(cells.diverged.purported.total)}, UMAP result ${formatLoss(cells.result.purported.total)}, ` +
        `input layout ${formatLoss(cells.input.purported.total)} — lowest: ${columnNames[row.lowest.purported]}`,
      ...decide(row.lowest.purported),
      values: {
        diverged: cells.diverged.purported.total,
        result: cells.result.purported.total,
        input: cells.input.purported.total,
      },
    });
  }
  const seeds = seedsRow(data.table1);
  if (seeds && data.table1) {
    const cells = seeds.cells;
    claims.push({
      id: 'table1-seeds',
      claim,
      measured:
        `${formatInteger(data.table1.seeds.length)} seeds × ${formatInteger(data.table1.epochs)} epochs: ` +
        `diverged ${formatLoss(cells.diverged.purported.mean)}, UMAP result ${formatLoss(cells.result.purported.mean)}, ` +
        `input layout ${formatLoss(cells.input.purported.mean)} (means) — lowest: ${columnNames[seeds.lowest.purported]}`,
      ...decide(seeds.lowest.purported),
      values: {
        diverged: cells.diverged.purported.mean,
        result: cells.result.purported.mean,
        input: cells.input.purported.mean,
      },
    });
  }
  if (claims.length === 0)
    claims.push({
      id: 'table1-run',
      claim,
      measured: data.status === 'done' ? 'Table 1 not computed yet' : 'computed when the run ends',
      verdict: 'pending',
      why: 'Decided by which layout has the lowest purported loss.',
      values: {},
    });
  return claims;
}
