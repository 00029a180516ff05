/**
 * A graph saved with `scipy.sparse.save_npz` (reducer.graph_ is a CSR matrix): a ZIP of .npy arrays
 * `data`, `indices`, `indptr`, `shape` and `format` ('csr', or 'csc', whose transpose is read the
 * same way since μ is symmetric; 'coo' has `row` and `col` instead).
 */
import { UserError } from '../../core/errors';
import type { Graph } from '../../core/types';
import { checkedGraph } from './importedGraph';
import { type NpyArray, parseNpy } from './npyArray';
import { readZipEntries } from './zipArchive';

export async function parseScipyNpz(bytes: Uint8Array, what: string): Promise<Graph> {
  const entries = await readZipEntries(bytes, what);
  const array = (name: string): NpyArray => {
    const entry = entries.get(`${name}.npy`);
    if (!entry) {
      throw new UserError(
        `${what} has no ${name}.npy: it holds ${[...entries.keys()].join(', ')}; save the graph with scipy.sparse.save_npz.`,
      );
    }
    return parseNpy(entry, `${what} (${name}.npy)`);
  };
  const format = new TextDecoder().decode(array('format').values as Uint8Array).replace(/\0/g, '');
  const shape = array('shape').values as Float64Array;
  const data = array('data').values as Float64Array;
  if (format === 'csr' || format === 'csc') {
    const indices = array('indices').values as Float64Array;
    const indptr = array('indptr').values as Float64Array;
    const [rows, columns] = format === 'csr' ? [shape[0], shape[1]] : [shape[1], shape[0]];
    return checkedGraph({ rows, columns, rowPtr: indptr, cols: indices, values: data }, what);
  }
  throw new UserError(`${what}: a ${format} matrix; save the CSR graph (reducer.graph_.tocsr()).`);
}
