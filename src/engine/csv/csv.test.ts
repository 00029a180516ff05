import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { InvalidValuesError } from './csvErrors';
import { findDuplicateRows } from './duplicateRows';
import { inspectCsv, type LoadCsvOptions, loadCsv } from './loadCsv';
import { cellProblem, detectDelimiter, forEachRecord, lastRecordEnd, parseCell } from './parseCsv';
import { checkBytes } from './readFile';
import { sha256Hex } from './sha256';
import { tableToDataset } from './tableToDataset';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const load = (name: string, options: Partial<LoadCsvOptions> = {}) =>
  loadCsv(fixture(name), { k: 5, name, ...options });

/** Each bad file, the options it is loaded with, and the message the user must see. */
const BAD_FILES: [string, Partial<LoadCsvOptions>, RegExp][] = [
  ['bad_empty.csv', {}, /^The file is empty\.$/],
  ['bad_blank_lines.csv', {}, /file is empty \(it holds only blank lines\)/],
  ['bad_header_only.csv', {}, /only a header row \(x, y, label\) and no data rows/],
  ['bad_ragged_short.csv', {}, /^row 4 has 2 fields, expected 3\./],
  ['bad_ragged_long.csv', {}, /^row 3 has 3 fields, expected 2.*must be in double quotes/],
  ['bad_unclosed_quote.csv', {}, /^row 3 has a quote \("\) that is never closed/],
  [
    'bad_text_cell.csv',
    { featureColumns: [0, 1] },
    /^1 row \(7\) has a feature cell that is not a number \(1 text cell\); the first: row 7, column "x2" holds the text "abc"\. Drop that row, or fix the file\. Rows are numbered as in a spreadsheet, the header being row 1\.$/,
  ],
  [
    'bad_text_cell_noheader.csv',
    { featureColumns: [0, 1] },
    /row 3, column 2 holds the text "hello".*the file has no header, so its first line is row 1\.$/,
  ],
  [
    'bad_nan.csv',
    {},
    /^1 row \(22\) has a feature cell that is not a number \(1 missing value\); the first: row 22, column "a" is "NaN"\. Drop that row/,
  ],
  [
    'bad_infinity.csv',
    {},
    /^2 rows \(22, 23\) have a feature cell that is not a number \(2 infinite values\); the first: row 22, column "b" is "Infinity"\. Drop those 2 rows/,
  ],
  ['bad_missing.csv', {}, /1 row \(7\).*row 7, column "b" is empty/],
  ['bad_na_marker.csv', {}, /1 row \(22\).*row 22, column "a" is "NA"/],
  ['bad_overflow.csv', {}, /1 row \(22\).*\(1 infinite value\).*row 22, column "a" is "1e999"/],
  [
    'bad_single_row.csv',
    {},
    /^The file has a single usable data row; even the smallest k, 2, needs at least 3 rows\. Load a file with more rows\.$/,
  ],
  ['bad_single_row_noheader.csv', {}, /single usable data row/],
  [
    'bad_n_le_k.csv',
    { k: 15 },
    /^k = 15 needs more than 15 points; this file has 10 usable rows\. Lower k to at most 9 with the neighbours k slider, or load a file with more rows\.$/,
  ],
  ['bad_all_constant.csv', {}, /Every chosen feature column is constant \("a", "b"\)/],
  [
    'bad_no_numeric.csv',
    {},
    /^No column holds numbers \(looked at all 20 rows\), and UMAP needs numeric feature columns\. Load a file with numbers in it\.$/,
  ],
  [
    'bad_all_missing.csv',
    { featureColumns: [0, 1], dropInvalidRows: true },
    /^Column "a" holds no numbers \(all 20 rows are empty, NaN, NA or infinite\), so it cannot be a feature\. Untick it\.$/,
  ],
  [
    'bad_hex_cell.csv',
    { featureColumns: [0, 1] },
    /the first: row 22, column "a" holds "0x1F", a hexadecimal number, which is not read as a number\./,
  ],
  ['bad_binary.bin', {}, /binary file, not CSV text/],
  ['bad_xlsx.xlsx', {}, /ZIP file \(an Excel \.xlsx workbook is one\).*"CSV UTF-8"/],
  ['bad_gzip.csv.gz', {}, /gzip-compressed/],
  ['bad_utf16_nobom.csv', {}, /UTF-16 text without a byte-order mark/],
  ['bad_not_1252.csv', {}, /neither UTF-8 nor Windows-1252 text \(byte 0x81 at offset 10\)/],
  [
    'bad_text_label_as_feature.csv',
    { featureColumns: [0, 2], labelColumn: null },
    /^Column "species" holds no numbers \(first, row 2: "a"\), so it cannot be a feature\. Untick it, or choose it as the label\./,
  ],
  ['bad_quote_in_number.csv', { featureColumns: [0, 1] }, /row 3, column "y" holds the text "4,5"/],
  [
    'short_bad_cell.csv',
    { featureColumns: [0, 1], dropInvalidRows: true, k: 15 },
    /^k = 15 needs more than 15 points; this file has 4 usable rows after dropping 1 row\. Lower k to at most 3/,
  ],
];

describe('bad CSV files', () => {
  it('has at least 25 bad fixtures', () => expect(BAD_FILES.length).toBeGreaterThanOrEqual(25));
  it.each(BAD_FILES)('%s', async (name, options, message) => {
    const error = await load(name, options).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(message);
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(() => checkBytes(new Uint8Array(2048), 1024)).toThrow(/The file is 0 MB; the limit is 0 MB/);
    expect(() => checkBytes(new Uint8Array(3 * 1024 * 1024), 2 * 1024 * 1024)).toThrow(
      /^The file is 3 MB; the limit is 2 MB\./,
    );
  });

  it('carries the rows to drop, and dropping them loads the rest', async () => {
    const error = await load('bad_infinity.csv').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidValuesError);
    expect((error as InvalidValuesError).rows).toEqual([22, 23]);
    const loaded = await load('bad_infinity.csv', { dropInvalidRows: true });
    expect(loaded.dataset.n).toBe(20);
    expect(loaded.droppedRows).toEqual([22, 23]);
    expect(loaded.notices).toContain(
      'Dropped 2 rows (22, 23) with a feature cell that is not a number (2 infinite values).',
    );
  });

  it('names a chosen column that does not exist or is both feature and label', async () => {
    await expect(load('good_label.csv', { featureColumns: [0, 7] })).rejects.toThrow(
      /Column 8 does not exist/,
    );
    await expect(load('good_label.csv', { featureColumns: [0, 2], labelColumn: 2 })).rejects.toThrow(
      /column "species" is chosen both as a feature and as the label/,
    );
  });
});

describe('good CSV files', () => {
  it('reads a header, numbers into float32 row-major', async () => {
    const { dataset, columns } = await load('good_header.csv');
    expect(columns.map((c) => c.name)).toEqual(['x', 'y', 'z']);
    expect([dataset.n, dataset.dim]).toEqual([30, 3]);
    expect(Array.from(dataset.points.subarray(3, 6))).toEqual([0.5, 1, 2]);
    expect(dataset.labels).toBeUndefined();
  });

  it('detects a missing header', async () => {
    const inspection = inspectCsv(fixture('good_noheader.csv'));
    expect(inspection.hasHeader).toBe(false);
    expect(inspection.columns.map((c) => c.name)).toEqual(['column 1', 'column 2', 'column 3']);
    const { dataset } = await load('good_noheader.csv');
    expect(dataset.n).toBe(30);
    expect(dataset.points[0]).toBe(0);
  });

  it('suggests the text label column and codes labels, sorted', async () => {
    const inspection = inspectCsv(fixture('good_label.csv'));
    expect(inspection.suggestedLabelColumn).toBe(2);
    expect(inspection.suggestedFeatureColumns).toEqual([0, 1]);
    const { dataset } = await load('good_label.csv');
    expect(dataset.labelNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(dataset.labels?.subarray(0, 3) ?? [])).toEqual([0, 2, 1]);
  });

  it('reads semicolons with decimal commas', async () => {
    const inspection = inspectCsv(fixture('good_semicolon.csv'));
    expect([inspection.delimiter, inspection.decimalComma]).toEqual([';', true]);
    const { dataset, notices } = await load('good_semicolon.csv');
    expect(Array.from(dataset.points.subarray(3, 6))).toEqual([1.5, 1.25, 2]);
    expect(notices.join(' ')).toMatch(/decimal comma/);
  });

  it('reads quoted fields with delimiters and escaped quotes', async () => {
    const inspection = inspectCsv(fixture('good_quoted.csv'));
    expect(inspection.columns[2].examples[0]).toBe('item, 0 "q"');
    expect(inspection.suggestedLabelColumn).toBe(2);
    const { dataset } = await load('good_quoted.csv');
    expect(dataset.labelNames).toEqual(['item, 0 "q"', 'item, 1 "q"', 'item, 2 "q"', 'item, 3 "q"']);
  });

  it.each(['good_crlf.csv', 'good_no_trailing_newline.csv', 'good_bom.csv'])(
    '%s loads 30 × 2',
    async (name) => {
      const { dataset, columns } = await load(name);
      expect(columns.map((c) => c.name)).toEqual(['x', 'y']);
      expect([dataset.n, dataset.dim, dataset.points[58], dataset.points[59]]).toEqual([
        30,
        2,
        29,
        (29 * 3) % 7,
      ]);
    },
  );

  it('reads tabs and an integer column named "cluster" as the label', async () => {
    const { dataset, inspection } = await load('good_tab.tsv');
    expect(inspection.delimiter).toBe('\t');
    expect(inspection.suggestedLabelColumn).toBe(2);
    expect(dataset.labelNames).toEqual(['0', '1', '2', '3']);
    expect(dataset.dim).toBe(2);
  });

  it('decodes UTF-16 with a BOM and Windows-1252 with a notice', async () => {
    const utf16 = await load('good_utf16le_bom.csv');
    expect(utf16.dataset.labelNames).toEqual(['café0', 'café1']);
    const latin = await load('good_windows1252.csv');
    expect(latin.dataset.labelNames).toEqual(['Köln', 'Malmö', 'Zürich']);
    expect(latin.notices[0]).toMatch(/not valid UTF-8, so it was read as Windows-1252/);
  });

  it('jitters duplicate rows, deterministically, and says how many', async () => {
    const a = await load('good_duplicates.csv', { seed: 7 });
    const b = await load('good_duplicates.csv', { seed: 7 });
    expect(a.duplicateRows).toBe(20);
    expect(a.notices.join(' ')).toMatch(/20 rows repeat an earlier row/);
    expect(findDuplicateRows(a.dataset.points, 30, 2)).toEqual([]);
    expect(a.dataset.points).toEqual(b.dataset.points);
    // First copies untouched; later copies within a few noise σ (σ = 1e-3 × column std ≈ 2.9e-3).
    expect(a.dataset.points[0]).toBe(0);
    const drift = Math.abs(a.dataset.points[20] - 0);
    expect(drift).toBeGreaterThan(0);
    expect(drift).toBeLessThan(0.02);
  });

  it('leaves out a constant column (Euclidean), keeps it under cosine, refuses to standardise it', async () => {
    const euclid = await load('good_constant_column.csv');
    expect(euclid.featureNames).toEqual(['x', 'y']);
    expect(euclid.notices).toContain(
      'Column "c" is constant, so it does not change Euclidean distances; left out.',
    );
    const cosine = await load('good_constant_column.csv', { metric: 'cosine' });
    expect(cosine.featureNames).toEqual(['x', 'c', 'y']);
    expect(cosine.notices).toContain(
      'Column "c" is constant; kept, because under the cosine metric it changes angles. Untick it to leave it out.',
    );
    const standard = await load('good_constant_column.csv', { standardize: true, metric: 'cosine' });
    expect(standard.featureNames).toEqual(['x', 'y']);
    expect(standard.notices).toContain(
      'Column "c" is constant, so it cannot be standardised (zero spread); left out.',
    );
  });

  it('standardises to mean 0 and population std 1', async () => {
    const { dataset } = await load('good_header.csv', { standardize: true });
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < 30; i++) sum += dataset.points[i * 3 + c];
      for (let i = 0; i < 30; i++) squares += (dataset.points[i * 3 + c] - sum / 30) ** 2;
      expect(sum / 30).toBeCloseTo(0, 5);
      expect(Math.sqrt(squares / 30)).toBeCloseTo(1, 5);
    }
  });

  it('accepts a single numeric column (1-D UMAP is well defined)', async () => {
    const { dataset } = await load('good_one_column.csv');
    expect([dataset.n, dataset.dim, dataset.points[29]]).toEqual([30, 1, 43.5]);
  });

  it('keeps HTML-looking labels as plain text', async () => {
    const { dataset } = await load('good_html_label.csv');
    expect(dataset.labelNames).toEqual(['<img src=x onerror=alert(1)>']);
  });

  it('does not preselect an increasing "id" column', () => {
    const inspection = inspectCsv(fixture('good_id_column.csv'));
    expect(inspection.suggestedFeatureColumns).toEqual([1, 2]);
    expect(inspection.columns[0].reason).toMatch(/row id/);
  });

  it('reports progress and cancels when the callback returns false', async () => {
    const fractions: number[] = [];
    await load('good_header.csv', { onProgress: (f) => void fractions.push(f) });
    expect(fractions.at(-1)).toBe(1);
    await expect(load('good_header.csv', { onProgress: () => false })).rejects.toThrow(/cancelled/);
  });
});

/** The chooser's sentence for each column of a fixture, by name. */
const decisions = (name: string) =>
  Object.fromEntries(inspectCsv(fixture(name)).columns.map((c) => [c.name, c.decision]));

describe('column decisions', () => {
  it('names text cells in a numeric column, does not preselect it, and never makes it the label', async () => {
    const inspection = inspectCsv(fixture('mixed_text_cells.csv'));
    expect(inspection.suggestedFeatureColumns).toEqual([0, 1]);
    expect(inspection.suggestedLabelColumn).toBe(3);
    expect(inspection.columns[2]).toMatchObject({ kind: 'mixed', selectable: true, numbers: 37, texts: 3 });
    expect(decisions('mixed_text_cells.csv')).toEqual({
      x: 'feature: numbers.',
      y: 'feature: numbers.',
      reading:
        'not preselected: text in 3 of 40 rows (7.5 %), first at row 17: "err". Tick it to use it anyway: its text cells then count as missing values.',
      group: 'label: named like a label.',
    });
    expect(inspection.rowNumbering).toBe('Rows are numbered as in a spreadsheet, the header being row 1.');
    const loaded = await load('mixed_text_cells.csv');
    expect(loaded.featureNames).toEqual(['x', 'y']);
    expect(loaded.notices).toEqual([
      'Column "reading" was left out: text in 3 of 40 rows (7.5 %), first at row 17: "err". Tick it to use it anyway; its text cells then count as missing values.',
    ]);
  });

  it('takes a mostly numeric column as a feature when chosen: its text cells are missing values to drop', async () => {
    const error = await load('mixed_text_cells.csv', { featureColumns: [0, 1, 2] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidValuesError);
    expect((error as InvalidValuesError).rows).toEqual([17, 25, 33]);
    expect((error as InvalidValuesError).kind).toBe('invalid');
    expect((error as Error).message).toBe(
      '3 rows (17, 25, 33) have a feature cell that is not a number (3 text cells); the first: row 17, column "reading" holds the text "err". Drop those 3 rows, or fix the file. Rows are numbered as in a spreadsheet, the header being row 1.',
    );
    const loaded = await load('mixed_text_cells.csv', { featureColumns: [0, 1, 2], dropInvalidRows: true });
    expect([loaded.dataset.n, loaded.dataset.dim]).toEqual([37, 3]);
    expect(loaded.featureNames).toEqual(['x', 'y', 'reading']);
    expect(loaded.droppedRows).toEqual([17, 25, 33]);
    expect(loaded.notices).toEqual([
      'Dropped 3 rows (17, 25, 33) with a feature cell that is not a number (3 text cells).',
    ]);
  });

  it('names a column of hexadecimal numbers, and a single hexadecimal cell', async () => {
    expect(decisions('hex_column.csv').code).toBe(
      'left out: hexadecimal numbers (e.g. "0x1F"), which are not read as numbers; convert them to decimal to use this column.',
    );
    expect(inspectCsv(fixture('hex_column.csv')).columns[2]).toMatchObject({
      selectable: false,
      hexTexts: 30,
    });
    const loaded = await load('hex_column.csv');
    expect(loaded.notices).toEqual([
      'Column "code" was left out: hexadecimal numbers (e.g. "0x1F"), which are not read as numbers; convert them to decimal to use this column.',
    ]);
    expect(decisions('bad_hex_cell.csv').a).toBe(
      'not preselected: text in 1 of 21 rows (4.8 %), first at row 22: "0x1F", a hexadecimal number. Tick it to use it anyway: its text cells then count as missing values.',
    );
  });

  it('names an all-NaN column and an empty one', async () => {
    expect(decisions('all_nan_column.csv').z).toBe('left out: no numbers, all 30 rows are "NaN".');
    expect(decisions('bad_all_missing.csv')).toEqual({
      a: 'left out: no numbers, all 20 rows are "NA".',
      b: 'left out: no numbers, all 20 rows are empty.',
    });
    const loaded = await load('all_nan_column.csv');
    expect(loaded.featureNames).toEqual(['x', 'y']);
    expect(loaded.notices).toEqual(['Column "z" was left out: all 30 rows are "NaN".']);
  });

  it('states the missing values of a numeric column', () => {
    expect(decisions('bad_nan.csv').a).toBe(
      'feature: numbers; 1 of 21 rows missing, NaN or infinite, first at row 22: "NaN" (loading offers to drop those rows).',
    );
  });

  it('scales a column beyond float32 by a power of ten, or standardises it in float64', async () => {
    expect(decisions('beyond_float32.csv').big).toBe(
      "feature: numbers; values up to 5.1e+39 are beyond float32's range (±3.4e+38), so loading scales the column (or standardises it in float64).",
    );
    const loaded = await load('beyond_float32.csv');
    expect([loaded.dataset.n, loaded.dataset.dim]).toEqual([30, 2]);
    expect(loaded.notices).toEqual([
      'Column "big" holds values up to 5.1e+39, beyond float32\'s range (±3.4e+38); it was divided by 1e39 so float32 can hold it. This changes its weight in distances against the other columns; tick "standardise columns" to weigh all columns alike.',
    ]);
    expect(loaded.rescaled).toEqual([
      { name: 'big', trouble: 'overflow', prescale: 1, offset: 0, divisor: 1e39 },
    ]);
    // Row 30 holds 51.0e38: 5.1 once divided by 1e39.
    expect(loaded.dataset.points[29 * 2 + 1]).toBe(Math.fround(5.1));
    expect(Array.from(loaded.dataset.points).every(Number.isFinite)).toBe(true);
    const standard = await load('beyond_float32.csv', { standardize: true });
    expect(standard.notices[0]).toBe(
      'Column "big" holds values up to 5.1e+39, beyond float32\'s range (±3.4e+38); it was standardised in float64 before the conversion to float32, so nothing was lost.',
    );
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < 30; i++) sum += standard.dataset.points[i * 2 + 1];
    for (let i = 0; i < 30; i++) squares += standard.dataset.points[i * 2 + 1] ** 2;
    expect(sum / 30).toBeCloseTo(0, 5);
    expect(Math.sqrt(squares / 30)).toBeCloseTo(1, 5);
  });

  it('scales one column by one factor (distances keep their proportions)', async () => {
    const csv = new TextEncoder().encode(
      `big\n${Array.from({ length: 20 }, (_, i) => `${i + 1}e39`).join('\n')}\n`,
    );
    const loaded = await loadCsv(csv, { k: 5 });
    expect(loaded.notices).toEqual([
      'Column "big" holds values up to 2e+40, beyond float32\'s range (±3.4e+38); it was divided by 1e40 so float32 can hold it.',
    ]);
  });

  it('scales a column of tiny values instead of calling it constant', async () => {
    expect(decisions('tiny_values.csv').tiny).toBe(
      'feature: numbers; values no larger than 7e-50 are too small for float32, which would round them to 0 or lose their digits, so loading scales the column (or standardises it in float64).',
    );
    const loaded = await load('tiny_values.csv');
    expect(loaded.featureNames).toEqual(['x', 'tiny']);
    expect(loaded.notices).toEqual([
      'Column "tiny" holds only tiny values (up to 7e-50), which float32 would round to 0 or strip of their digits; it was multiplied by 1e50 so float32 can hold it. This changes its weight in distances against the other columns; tick "standardise columns" to weigh all columns alike.',
    ]);
    expect(Array.from(loaded.dataset.points.subarray(0, 6))).toEqual([0, 1, 1, 2, 2, 3]);
  });

  it('shifts a column that varies only beyond float32 precision (Euclidean), keeps it under cosine', async () => {
    const euclid = await load('float32_indistinct.csv');
    expect(euclid.notices).toEqual([
      'Column "t" varies only beyond float32\'s precision (1600000000 to 1600000002.9 would all become 1600000000); its mean, 1600000001.45, was subtracted, which leaves Euclidean distances unchanged.',
    ]);
    expect(euclid.dataset.points[1]).toBe(Math.fround(-1.45));
    const cosine = await load('float32_indistinct.csv', { metric: 'cosine' });
    expect(cosine.notices[0]).toBe(
      'Column "t" varies only beyond float32\'s precision (1600000000 to 1600000002.9 would all become 1600000000), so in float32 it is constant. Under the cosine metric, subtracting its mean would change angles, so it was kept as it is. Tick "standardise columns" to keep its variation.',
    );
    const standard = await load('float32_indistinct.csv', { standardize: true });
    expect(standard.notices[0]).toMatch(/^Column "t" varies only .* it was standardised in float64/);
    expect(new Set(Array.from({ length: 30 }, (_, i) => standard.dataset.points[i * 2 + 1])).size).toBe(30);
  });

  it('names the bad cell of a 5-row file, and never asks for k below 2', async () => {
    expect(decisions('short_bad_cell.csv').b).toBe(
      'not preselected: text in 1 of 5 rows (20 %), first at row 4: "x". Tick it to use it anyway: its text cells then count as missing values.',
    );
    await expect(load('short_bad_cell.csv', { k: 15 })).rejects.toThrow(
      'k = 15 needs more than 15 points; this file has 5 usable rows. Lower k to at most 4 with the neighbours k slider, or load a file with more rows. Column "b" was left out: text in 1 of 5 rows (20 %), first at row 4: "x". Tick it to use it anyway; its text cells then count as missing values. Rows are numbered as in a spreadsheet, the header being row 1.',
    );
    await expect(load('short_bad_cell.csv', { featureColumns: [0, 1], k: 2 })).rejects.toThrow(
      '1 row (4) has a feature cell that is not a number (1 text cell); the first: row 4, column "b" holds the text "x". Drop that row, or fix the file. Rows are numbered as in a spreadsheet, the header being row 1.',
    );
    const loaded = await load('short_bad_cell.csv', { featureColumns: [0, 1], dropInvalidRows: true, k: 3 });
    expect([loaded.dataset.n, loaded.droppedRows]).toEqual([4, [4]]);
  });

  it('refuses all-zero rows under cosine, naming them, and drops them when asked', async () => {
    const error = await load('cosine_zero_rows.csv', { metric: 'cosine' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidValuesError);
    expect((error as InvalidValuesError).kind).toBe('zero');
    expect((error as InvalidValuesError).rows).toEqual([5, 12, 20]);
    expect((error as Error).message).toBe(
      '3 rows (5, 12, 20) are all zero in the feature columns. Under the cosine metric a zero vector has no direction, so its distance to the other points is undefined (the neighbour search would put each at distance 1 from every non-zero point and at 0 from the other zero rows). Drop those 3 rows, or choose the Euclidean metric. Rows are numbered as in a spreadsheet, the header being row 1.',
    );
    const loaded = await load('cosine_zero_rows.csv', { metric: 'cosine', dropZeroRows: true });
    expect([loaded.dataset.n, loaded.zeroRows, loaded.droppedRows]).toEqual([27, [5, 12, 20], []]);
    expect(loaded.notices).toContain(
      'Dropped 3 rows (5, 12, 20) that are all zero in the feature columns: under the cosine metric a zero vector has no direction.',
    );
    // Euclidean distances are defined for zero rows: nothing to say.
    expect((await load('cosine_zero_rows.csv')).dataset.n).toBe(30);
  });

  it('says "1 distinct value" and counts a sample as "the first" rows (the header is one of the 2,000 records read)', () => {
    expect(decisions('bad_no_numeric.csv').colour).toBe('label: text with 1 distinct value.');
    const big = `x,y\n${Array.from({ length: 2500 }, (_, i) => `${i},${i === 2100 ? 'oops' : i % 7}`).join('\n')}\n`;
    const inspection = inspectCsv(new TextEncoder().encode(big.replace('\n5,5\n', '\n5,n.d.\n')));
    expect(inspection.wholeFileSampled).toBe(false);
    expect(inspection.columns[1].decision).toBe(
      'not preselected: text in 1 of the first 1,999 rows (0.1 %), first at row 7: "n.d.". Tick it to use it anyway: its text cells then count as missing values.',
    );
  });
});

describe('parsing pieces', () => {
  it('parses cells and classifies the rest', () => {
    expect([' 12 ', '-1.5e3', '.5', '0', '0.000', '+3'].map((c) => parseCell(c, false))).toEqual([
      12, -1500, 0.5, 0, 0, 3,
    ]);
    expect(parseCell('1,25', true)).toBe(1.25);
    // Parsed as float64: beyond float32's range is still a number (the loader scales the column).
    expect([parseCell('5e39', false), parseCell('-1e-50', false)]).toEqual([5e39, -1e-50]);
    expect(['', '  ', 'NA', 'abc', 'inf', '1e999', '0x10', '0b1'].map((c) => cellProblem(c, false))).toEqual([
      'missing',
      'missing',
      'missing',
      'text',
      'nonfinite',
      'nonfinite',
      'text',
      'text',
    ]);
  });

  it('detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a,b;c\n1,2;3\n4,5;6\n')).toBe(',');
    expect(detectDelimiter('value\n1\n')).toBe(',');
  });

  it('cuts chunks only after complete records, even with quoted newlines', () => {
    expect(lastRecordEnd('1,2\n3,4')).toBe(4);
    expect(lastRecordEnd('1,"a\nb"\n3,"c\nd')).toBe(8);
    expect(lastRecordEnd('"a\nb')).toBe(-1);
    const text = 'x,name\n1,"multi\nline"\n2,"a,b"\n3,plain\n';
    for (const size of [1, 2, 3, 5, 8, 13]) {
      const chunks: { text: string }[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push({ text: text.slice(i, i + size) });
      const rows: string[] = [];
      forEachRecord(chunks, ',', (fields, row) => void rows.push(`${row}:${fields.join('|')}`));
      expect(rows).toEqual(['1:x|name', '2:1|multi\nline', '3:2|a,b', '4:3|plain']);
    }
  });

  it('needs n > k', () => {
    const table = {
      n: 3,
      dim: 1,
      values: Float32Array.of(1, 2, 3),
      rowNumbers: Int32Array.of(2, 3, 4),
      featureNames: ['x'],
      invalidRows: [],
    };
    expect(tableToDataset(table, { name: 't', k: 2 }).dataset.n).toBe(3);
    expect(() => tableToDataset(table, { name: 't', k: 3 })).toThrow(
      /k = 3 needs more than 3 points; this file has 3 usable rows\. Lower k to at most 2 with/,
    );
  });

  it('never asks for a k below the smallest the app offers', () => {
    const table = {
      n: 2,
      dim: 1,
      values: Float32Array.of(1, 2),
      rowNumbers: Int32Array.of(2, 3),
      featureNames: ['x'],
      invalidRows: [],
    };
    expect(() => tableToDataset(table, { name: 't', k: 2 })).toThrow(
      /^The file has only 2 usable data rows; even the smallest k, 2, needs at least 3 rows\. Load a file with more rows\.$/,
    );
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 digest of "abc" and of the empty string', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc').buffer as ArrayBuffer)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new ArrayBuffer(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
