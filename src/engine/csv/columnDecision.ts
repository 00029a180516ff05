/** The sentence next to each column in the chooser: what was decided about it and why. */
import { formatCount, formatNumber } from '../messages';
import type { ColumnInfo } from './columnInfo';
import { formatMagnitude } from './float32Range';
import { isHexNumber } from './parseCsv';

/**
 * Fills `problem` and `decision`. `rows` is the number of sampled data rows; `wholeFile` says whether
 * they are the whole file (counts read "3 of 200 rows") or its start ("3 of the first 2,000 rows").
 */
export function describeDecision(column: ColumnInfo, rows: number, wholeFile: boolean): void {
  const scope = wholeFile ? formatNumber(rows) : `the first ${formatNumber(rows)}`;
  const all = wholeFile ? `all ${formatNumber(rows)}` : `all of the first ${formatNumber(rows)}`;
  const percent = (count: number) => `${Number(((100 * count) / Math.max(1, rows)).toFixed(1))} %`;
  const quoted = (text: string) => (text === '' ? 'an empty cell' : `"${text}"`);
  const first = column.firstText;
  const hexNote = first && isHexNumber(first.text) ? ', a hexadecimal number' : '';
  const missingNote =
    column.missing > 0 && column.firstMissing
      ? `${column.missing} of ${scope} rows missing, NaN or infinite, first at row ${column.firstMissing.row}: ${quoted(column.firstMissing.text)} (loading offers to drop those rows)`
      : '';
  const float32Note = describeFloat32(column);
  const numberNotes = [float32Note, missingNote].filter((note) => note !== '').join('; ');
  switch (column.kind) {
    case 'empty': {
      const spellings = column.missingSpellings
        .slice(0, 3)
        .map((text) => (text === '' ? 'empty' : `"${text}"`));
      const spelled = `${spellings.join(', ')}${column.missingSpellings.length > 3 ? ', …' : ''}`.replace(
        /, ([^,]*)$/,
        ' or $1',
      );
      column.problem = `${rows === 1 ? 'its only row is' : `${all} rows are`} ${spelled}`;
      break;
    }
    case 'text':
      if (column.hexTexts === column.texts) {
        column.problem = `hexadecimal numbers (e.g. "${first?.text}"), which are not read as numbers; convert them to decimal to use this column`;
      } else if (column.hexTexts > 0) {
        column.problem = `text, with ${formatCount(column.hexTexts, 'hexadecimal number')} (not read as numbers)`;
      }
      break;
    case 'mixed':
      column.problem = `text in ${column.texts} of ${scope} rows (${percent(column.texts)}), first at row ${first?.row}: "${first?.text}"${hexNote}`;
      break;
    default:
      break;
  }
  if (column.suggestedRole === 'label') {
    const detail = column.problem ? `; ${column.problem}` : '';
    column.decision = `label: ${column.reason}${detail}.`;
    return;
  }
  switch (column.kind) {
    case 'empty':
      column.decision = `left out: no numbers, ${column.problem}.`;
      return;
    case 'text':
      column.decision =
        column.hexTexts > 0 && column.hexTexts === column.texts
          ? `left out: ${column.problem}.`
          : `not a feature: text, not numbers (e.g. "${first?.text}")${column.hexTexts > 0 ? ` with ${formatCount(column.hexTexts, 'hexadecimal number')}` : ''}; it can be the label.`;
      return;
    case 'mixed':
      column.decision = `not preselected: ${column.problem}. Tick it to use it anyway: its text cells then count as missing values${numberNotes ? `; ${numberNotes}` : ''}.`;
      return;
    default:
      break;
  }
  if (column.suggestedRole === 'feature') {
    column.decision = `feature: numbers${numberNotes ? `; ${numberNotes}` : ''}.`;
  } else {
    column.decision = `not preselected: numbers, but ${column.reason}${numberNotes ? `; ${numberNotes}` : ''}.`;
  }
}

/** The float32 part of a decision: what loading will do to a column float32 cannot hold. */
function describeFloat32(column: ColumnInfo): string {
  const { range } = column;
  if (!column.float32 || !range) return '';
  switch (column.float32) {
    case 'overflow':
      return `values up to ${formatMagnitude(range.maxAbs)} are beyond float32's range (±3.4e+38), so loading scales the column (or standardises it in float64)`;
    case 'tiny':
      return `values no larger than ${formatMagnitude(range.maxAbs)} are too small for float32, which would round them to 0 or lose their digits, so loading scales the column (or standardises it in float64)`;
    default:
      return `values ${range.min} to ${range.max} differ only beyond float32's precision (they would all become ${Math.fround(range.min)}), so loading shifts the column (or standardises it in float64)`;
  }
}
