/**
 * An AnnData file (`.h5ad`, HDF5; scanpy's and anndata ≥ 0.8's encoding) read with h5wasm, the HDF5
 * library compiled to WebAssembly, loaded only when a file comes: μ from `obsp/connectivities`
 * (umap-learn's graph_, as scanpy's `pp.neighbors` stores it, CSR), every 2-D `obsm` entry as a
 * candidate embedding (`X_umap` first), every categorical `obs` column as labels, and the features
 * from `obsm/X_pca` or a dense `X` when present.
 */
import { UserError } from '../../core/errors';
import type { Graph } from '../../core/types';
import { checkedGraph } from './importedGraph';

export interface NamedEmbedding {
  name: string;
  /** n×2, row-major. */
  points: Float32Array;
}

export interface LabelColumn {
  name: string;
  /** Per point, the index into `names`; −1 for a missing value. */
  codes: Int32Array;
  names: string[];
}

export interface H5adContents {
  graph: Graph;
  embeddings: NamedEmbedding[];
  labels: LabelColumn[];
  /** Row-major n×dim features, from obsm/X_pca or a dense X, when present. */
  features?: { name: string; dim: number; points: Float32Array };
}

type H5Module = typeof import('h5wasm');
interface H5Node {
  type: string;
  attrs: Record<string, { value: unknown }>;
  keys?: () => string[];
  shape?: number[] | null;
  value?: unknown;
}

let loading: Promise<H5Module['default']> | undefined;
async function h5wasm(): Promise<H5Module['default']> {
  loading ??= import('h5wasm').then(async (module) => {
    await module.default.ready;
    return module.default;
  });
  return loading;
}

let fileCount = 0;

export async function readH5ad(bytes: Uint8Array, what: string): Promise<H5adContents> {
  if (!(bytes[0] === 0x89 && bytes[1] === 0x48 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new UserError(`${what} is not an HDF5 file (an .h5ad is written by anndata's write_h5ad).`);
  }
  const library = await h5wasm();
  const { FS } = await library.ready;
  const path = `/import-${++fileCount}.h5ad`;
  FS.writeFile(path, bytes);
  const file = new library.File(path, 'r');
  try {
    const get = (name: string) => file.get(name) as unknown as H5Node | null;
    const graphNode = get('obsp/connectivities');
    if (!graphNode) {
      throw new UserError(
        `${what} has no obsp/connectivities: compute the graph first (scanpy: sc.pp.neighbors(adata)), then save the file again.`,
      );
    }
    const encoding = String(graphNode.attrs['encoding-type']?.value ?? '');
    if (graphNode.type !== 'Group' || (encoding !== 'csr_matrix' && encoding !== 'csc_matrix')) {
      throw new UserError(
        `${what}: obsp/connectivities is stored as ${encoding || graphNode.type}; only anndata's csr_matrix and csc_matrix encodings are read.`,
      );
    }
    const shape = Array.from(graphNode.attrs.shape?.value as ArrayLike<number | bigint>, Number);
    const part = (name: string) => {
      const node = get(`obsp/connectivities/${name}`);
      if (!node?.value) throw new UserError(`${what}: obsp/connectivities has no ${name}.`);
      return node.value as ArrayLike<number>;
    };
    const graph = checkedGraph(
      {
        rows: shape[0],
        columns: shape[1],
        rowPtr: part('indptr'),
        cols: part('indices'),
        values: part('data'),
      },
      `${what} (obsp/connectivities)`,
    );
    return {
      graph,
      embeddings: readEmbeddings(get, graph.n),
      labels: readLabels(get, graph.n),
      features: readFeatures(get, graph.n),
    };
  } finally {
    file.close();
    FS.unlink(path);
  }
}

/** Every obsm entry that is an n × ≥2 array, its first two columns; X_umap first. */
function readEmbeddings(get: (name: string) => H5Node | null, n: number): NamedEmbedding[] {
  const names = get('obsm')?.keys?.() ?? [];
  const embeddings: NamedEmbedding[] = [];
  for (const name of names) {
    const node = get(`obsm/${name}`);
    const shape = node?.shape;
    if (node?.type !== 'Dataset' || !shape || shape.length !== 2 || shape[0] !== n || shape[1] < 2) continue;
    const values = node.value as ArrayLike<number>;
    const width = shape[1];
    const points = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      points[2 * i] = Number(values[i * width]);
      points[2 * i + 1] = Number(values[i * width + 1]);
    }
    embeddings.push({ name: `obsm/${name}`, points });
  }
  return embeddings.sort((x, y) => Number(y.name === 'obsm/X_umap') - Number(x.name === 'obsm/X_umap'));
}

/** Every categorical obs column (anndata ≥ 0.8: a group with `categories` and `codes`). */
function readLabels(get: (name: string) => H5Node | null, n: number): LabelColumn[] {
  const columns = get('obs')?.keys?.() ?? [];
  const labels: LabelColumn[] = [];
  for (const name of columns) {
    const node = get(`obs/${name}`);
    if (node?.type !== 'Group' || String(node.attrs['encoding-type']?.value) !== 'categorical') continue;
    const codes = get(`obs/${name}/codes`)?.value as ArrayLike<number> | undefined;
    const categories = get(`obs/${name}/categories`)?.value as ArrayLike<unknown> | undefined;
    if (!codes || !categories || codes.length !== n) continue;
    labels.push({ name, codes: Int32Array.from(codes, Number), names: Array.from(categories, String) });
  }
  return labels;
}

/** obsm/X_pca, else a dense float X, as row-major float32 features. */
function readFeatures(get: (name: string) => H5Node | null, n: number): H5adContents['features'] {
  for (const name of ['obsm/X_pca', 'X']) {
    const node = get(name);
    const shape = node?.shape;
    if (node?.type !== 'Dataset' || !shape || shape.length !== 2 || shape[0] !== n) continue;
    return { name, dim: shape[1], points: Float32Array.from(node.value as ArrayLike<number>, Number) };
  }
  return undefined;
}
