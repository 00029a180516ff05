/** The user's CSV in Python, read the way the explorer read it (src/engine/csv/). */
import type { CsvSource } from '../../engine/csvSession';
import { pointsLines, rescaledColumns, rescaleLines } from './pythonCsvPoints';
import type { PythonPart, SnippetCsv } from './pythonDatasets';
import { pythonString } from './pythonLiterals';
import { explorerRandomImports, explorerRandomLines } from './pythonRandom';

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

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The user's CSV read as the explorer read it (src/engine/csv/): same encoding, delimiter, header,
 * decimal separator and columns; rows with a cell that is not a number left out; constant columns
 * left out (unless cosine without standardising); columns float32 cannot hold scaled or standardised
 * in float64 with the explorer's numbers; z-scores with the population standard deviation summed in
 * file order; all-zero rows dropped under cosine as the explorer dropped them; duplicate rows
 * jittered with the explorer's own generator.
 */
export function csvPart(csv: SnippetCsv & { source: CsvSource }): PythonPart {
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

/** Without the reading of the file (an older link): lines that ask for X, naming the file where known. */
export function csvPlaceholderLines(csv?: SnippetCsv): string[] {
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
