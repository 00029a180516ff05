/** The CSV script's `points(values)` and its RESCALED table: the explorer's float32 points from the file's numbers. */
import { FLOAT32_MAX, FLOAT32_TINY } from '../../engine/csv/float32Range';
import type { CsvSource } from '../../engine/csvSession';
import { pythonFloat, pythonString } from './pythonLiterals';

/** A float for the script, exactly as `source` holds it (`-0.0` keeps its sign). */
function exactFloat(value: number): string {
  return Object.is(value, -0) ? '-0.0' : pythonFloat(value);
}

/** A rescaled column of `source`, with its index in the FEATURES list. */
export interface RescaledColumn {
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
export function rescaledColumns(source: CsvSource): { columns: RescaledColumn[]; unmatched: string[] } {
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

/**
 * `points(values)`: the explorer's float32 points for the rows `values` (csv/buildPoints.ts): constant
 * columns left out (unless cosine without standardising), the columns float32 cannot hold brought
 * into its range in float64, the columns standardised, then float32.
 */
export function pointsLines(source: CsvSource, rescaled: boolean): string[] {
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
export function rescaleLines(columns: RescaledColumn[]): string[] {
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
