import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { InvalidValuesError } from './csvErrors';
import { inspectCsv, type LoadCsvOptions, loadCsv } from './loadCsv';
import { cellProblem, detectDelimiter, forEachRecord, lastRecordEnd, parseCell } from './parseCsv';
import { checkBytes } from './readFile';
import { sha256Hex } from './sha256';
import { findDuplicateRows, tableToDataset } from './tableToDataset';

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
  ['bad_text_cell.csv', {}, /^row 7, column "x2": "abc" is not a number/],
  ['bad_text_cell_noheader.csv', {}, /^row 3, column 2: "hello" is not a number/],
  [
    'bad_nan.csv',
    {},
    /1 row \(22\) has a missing, NaN or infinite value.*row 22, column "a" is "NaN".*Drop that row/,
  ],
  [
    'bad_infinity.csv',
    {},
    /2 rows \(22, 23\) have a missing.*row 22, column "b" is "Infinity".*Drop those 2 rows/,
  ],
  ['bad_missing.csv', {}, /1 row \(7\).*row 7, column "b" is empty/],
  ['bad_na_marker.csv', {}, /1 row \(22\).*row 22, column "a" is "NA"/],
  ['bad_overflow.csv', {}, /1 row \(22\).*row 22, column "a" is "1e999"/],
  ['bad_single_row.csv', {}, /single usable data row; UMAP needs more than k = 5 rows/],
  ['bad_single_row_noheader.csv', {}, /single usable data row/],
  [
    'bad_n_le_k.csv',
    { k: 15 },
    /^k = 15 needs more than 15 points; this file has 10 usable rows\. Lower k to at most 9/,
  ],
  ['bad_all_constant.csv', {}, /Every chosen feature column is constant \("a", "b"\)/],
  ['bad_no_numeric.csv', {}, /No column holds numbers \(looked at the first 20 rows\)/],
  [
    'bad_all_missing.csv',
    { featureColumns: [0, 1], dropInvalidRows: true },
    /Every row has a missing.*\(20 rows\)/,
  ],
  ['bad_hex_cell.csv', {}, /^row 22, column "a": "0x1F" is not a number/],
  ['bad_binary.bin', {}, /binary file, not CSV text/],
  ['bad_xlsx.xlsx', {}, /ZIP file \(an Excel \.xlsx workbook is one\).*"CSV UTF-8"/],
  ['bad_gzip.csv.gz', {}, /gzip-compressed/],
  ['bad_utf16_nobom.csv', {}, /UTF-16 text without a byte-order mark/],
  ['bad_not_1252.csv', {}, /neither UTF-8 nor Windows-1252 text \(byte 0x81 at offset 10\)/],
  [
    'bad_text_label_as_feature.csv',
    { featureColumns: [0, 2], labelColumn: null },
    /^row 2, column "species": "a"/,
  ],
  ['bad_quote_in_number.csv', {}, /^row 3, column "y": "4,5" is not a number/],
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
    expect(loaded.notices.join(' ')).toMatch(/Dropped 2 rows \(22, 23\)/);
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
    expect(euclid.notices.join(' ')).toMatch(/Constant column "c" do not change Euclidean distances/);
    const cosine = await load('good_constant_column.csv', { metric: 'cosine' });
    expect(cosine.featureNames).toEqual(['x', 'c', 'y']);
    const standard = await load('good_constant_column.csv', { standardize: true, metric: 'cosine' });
    expect(standard.featureNames).toEqual(['x', 'y']);
    expect(standard.notices.join(' ')).toMatch(/"c" cannot be standardised/);
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

describe('parsing pieces', () => {
  it('parses cells and classifies the rest', () => {
    expect([' 12 ', '-1.5e3', '.5', '0', '0.000', '+3'].map((c) => parseCell(c, false))).toEqual([
      12, -1500, 0.5, 0, 0, 3,
    ]);
    expect(parseCell('1,25', true)).toBe(1.25);
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
    expect(() => tableToDataset(table, { name: 't', k: 3 })).toThrow(/k = 3 needs more than 3 points/);
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
