/**
 * The files a user drops for an audit, in one call: one graph file (.h5ad, .npz or .mtx) and, unless
 * the .h5ad holds one, the embedding as a CSV (`np.savetxt(path, embedding, delimiter=',')`, header
 * optional). Says exactly what is missing or does not fit.
 */
import { dsvFormat } from 'd3';
import { UserError } from '../../core/errors';
import type { Graph } from '../../core/types';
import { detectDelimiter, isBlankRecord, parseCell } from '../csv/parseCsv';
import { type LabelColumn, readH5ad } from './h5ad';
import { parseMatrixMarket } from './matrixMarket';
import { parseScipyNpz } from './scipyNpz';

export interface UmapFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportedUmap {
  /** The file names read, graph file first. */
  files: string[];
  graph: Graph;
  /** n×2: the chosen embedding. */
  embedding: Float32Array;
  embeddingName: string;
  /** Every embedding the files offer (an .h5ad's 2-D obsm entries, or the CSV). */
  embeddingNames: string[];
  /** The chosen categorical column, if any. */
  labels?: LabelColumn;
  labelColumns: string[];
}

export interface ReadChoices {
  /** Which embedding (default: obsm/X_umap, else the first). */
  embedding?: string;
  /** Which obs column colours the points (default: the first categorical one). */
  labels?: string;
}

const GRAPH_EXTENSIONS = ['.h5ad', '.npz', '.mtx'];
const extensionOf = (name: string) => name.slice(name.lastIndexOf('.')).toLowerCase();

/**
 * An n×2 embedding from CSV text: the first two columns, by the explorer's CSV rules (the delimiter
 * detected, plain decimal numbers only, csv/parseCsv.ts); a first line that is not numbers is a header.
 */
export function parseEmbeddingCsv(text: string, what: string): Float32Array {
  const rows = dsvFormat(detectDelimiter(text))
    .parseRows(text)
    .filter((row) => !isBlankRecord(row));
  const values: number[] = [];
  rows.forEach((row, index) => {
    const [x, y] = [parseCell(row[0] ?? '', false), parseCell(row[1] ?? '', false)];
    if (index === 0 && (Number.isNaN(x) || Number.isNaN(y))) return;
    if (!(Number.isFinite(x) && Number.isFinite(y))) {
      throw new UserError(`${what}: line ${index + 1} is not two numbers ("${row.join(',').slice(0, 40)}").`);
    }
    values.push(x, y);
  });
  return Float32Array.from(values);
}

export async function readUmapFiles(files: UmapFile[], choices: ReadChoices = {}): Promise<ImportedUmap> {
  const graphFiles = files.filter((file) => GRAPH_EXTENSIONS.includes(extensionOf(file.name)));
  const csvFiles = files.filter((file) => extensionOf(file.name) === '.csv');
  const others = files.filter((file) => !graphFiles.includes(file) && !csvFiles.includes(file));
  if (others.length > 0) {
    throw new UserError(
      `${others.map((file) => file.name).join(', ')}: not a file the audit reads (.h5ad, .npz or .mtx for the graph, .csv for the embedding).`,
    );
  }
  if (graphFiles.length !== 1) {
    throw new UserError(
      graphFiles.length === 0
        ? 'Choose the graph: an .h5ad (scanpy), or reducer.graph_ saved as .npz (scipy.sparse.save_npz) or .mtx (scipy.io.mmwrite).'
        : `Choose one graph file, not ${graphFiles.length} (${graphFiles.map((file) => file.name).join(', ')}).`,
    );
  }
  if (csvFiles.length > 1) throw new UserError(`Choose one embedding CSV, not ${csvFiles.length}.`);
  const [graphFile] = graphFiles;
  const extension = extensionOf(graphFile.name);
  const embeddings: { name: string; points: Float32Array }[] = [];
  let graph: Graph;
  let labelColumns: LabelColumn[] = [];
  if (extension === '.h5ad') {
    const contents = await readH5ad(graphFile.bytes, graphFile.name);
    graph = contents.graph;
    embeddings.push(...contents.embeddings);
    labelColumns = contents.labels;
  } else if (extension === '.npz') {
    graph = await parseScipyNpz(graphFile.bytes, graphFile.name);
  } else {
    graph = parseMatrixMarket(new TextDecoder().decode(graphFile.bytes), graphFile.name);
  }
  const [csv] = csvFiles;
  if (csv)
    embeddings.unshift({
      name: csv.name,
      points: parseEmbeddingCsv(new TextDecoder().decode(csv.bytes), csv.name),
    });
  if (embeddings.length === 0) {
    throw new UserError(
      `${graphFile.name} holds the graph but no 2-D embedding: add it as a CSV (np.savetxt('umap.csv', embedding, delimiter=',')).`,
    );
  }
  const chosen = embeddings.find((embedding) => embedding.name === choices.embedding) ?? embeddings[0];
  const rows = chosen.points.length / 2;
  if (rows !== graph.n) {
    throw new UserError(
      `${chosen.name} has ${rows} points but the graph in ${graphFile.name} has ${graph.n}: they must be the same points.`,
    );
  }
  const labels = labelColumns.find((column) => column.name === choices.labels) ?? labelColumns[0];
  return {
    files: [graphFile.name, ...csvFiles.map((file) => file.name)],
    graph,
    embedding: chosen.points,
    embeddingName: chosen.name,
    embeddingNames: embeddings.map((embedding) => embedding.name),
    labels,
    labelColumns: labelColumns.map((column) => column.name),
  };
}
