/**
 * A graph saved with `scipy.io.mmwrite` (Matrix Market exchange format, coordinate): a header line
 * `%%MatrixMarket matrix coordinate real|integer|pattern general|symmetric`, comment lines, a size
 * line `rows columns entries`, then one `i j [value]` line per entry, 1-based. A symmetric file
 * stores one triangle; both directions are restored here.
 */
import { UserError } from '../../core/errors';
import type { Graph } from '../../core/types';
import { checkedGraph } from './importedGraph';

export function parseMatrixMarket(text: string, what: string): Graph {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.trim().toLowerCase().split(/\s+/) ?? [];
  if (header[0] !== '%%matrixmarket' || header[1] !== 'matrix') {
    throw new UserError(`${what} does not start with a %%MatrixMarket matrix header.`);
  }
  const [, , layout, field, symmetry] = header;
  if (layout !== 'coordinate')
    throw new UserError(`${what}: a ${layout} (dense) matrix; save the sparse graph (coordinate).`);
  if (field !== 'real' && field !== 'integer' && field !== 'pattern') {
    throw new UserError(`${what}: ${field} entries are not read (real, integer or pattern only).`);
  }
  if (symmetry !== 'general' && symmetry !== 'symmetric') {
    throw new UserError(`${what}: ${symmetry} matrices are not read (general or symmetric only).`);
  }
  let at = 1;
  while (at < lines.length && (lines[at].startsWith('%') || lines[at].trim() === '')) at++;
  const size = lines[at]?.trim().split(/\s+/).map(Number) ?? [];
  if (size.length !== 3 || !size.every((v) => Number.isInteger(v) && v >= 0)) {
    throw new UserError(`${what}: the size line "${lines[at] ?? ''}" is not "rows columns entries".`);
  }
  const [rows, columns, entries] = size;
  const mirrored = symmetry === 'symmetric';
  const capacity = mirrored ? 2 * entries : entries;
  const rowOf = new Int32Array(capacity);
  const colOf = new Int32Array(capacity);
  const weightOf = new Float64Array(capacity);
  let count = 0;
  for (let e = 0; e < entries; e++) {
    const line = lines[++at];
    const parts = line?.trim().split(/\s+/);
    if (!parts || parts.length < (field === 'pattern' ? 2 : 3)) {
      throw new UserError(`${what}: entry ${e + 1} of ${entries} is missing or incomplete (line ${at + 1}).`);
    }
    const i = Number(parts[0]) - 1;
    const j = Number(parts[1]) - 1;
    const value = field === 'pattern' ? 1 : Number(parts[2]);
    if (!(Number.isInteger(i) && Number.isInteger(j) && i >= 0 && j >= 0 && i < rows && j < columns)) {
      throw new UserError(
        `${what}: line ${at + 1} names entry (${parts[0]}, ${parts[1]}) outside the ${rows} × ${columns} matrix.`,
      );
    }
    rowOf[count] = i;
    colOf[count] = j;
    weightOf[count++] = value;
    if (mirrored && i !== j) {
      rowOf[count] = j;
      colOf[count] = i;
      weightOf[count++] = value;
    }
  }
  // Triplets to CSR by counting per row.
  const rowPtr = new Int32Array(rows + 1);
  for (let e = 0; e < count; e++) rowPtr[rowOf[e] + 1]++;
  for (let i = 0; i < rows; i++) rowPtr[i + 1] += rowPtr[i];
  const cursor = rowPtr.slice(0, rows);
  const cols = new Int32Array(count);
  const values = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const slot = cursor[rowOf[e]]++;
    cols[slot] = colOf[e];
    values[slot] = weightOf[e];
  }
  return checkedGraph({ rows, columns, rowPtr, cols, values }, what);
}
