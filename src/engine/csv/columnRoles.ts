/** Which columns the chooser preselects as features and which as the label. */
import { formatCount } from '../messages';
import type { ColumnInfo, SampledRecord } from './columnInfo';

const LABEL_NAME =
  /^(labels?|class(es)?|cluster(s|_?id)?|cell[ _.-]?types?|celltype|targets?|species|categor(y|ies)|groups?|types?|digits?|classification)$/i;
const ID_NAME = /^(id|ids|index|idx|row|row[ _]?(id|number)|unnamed: ?0|sample[ _]?id|)$/i;

/** A numeric column with at most this many distinct integers can be a label. */
const MAX_INTEGER_CLASSES = 100;

/**
 * Label first (by name, then the first text column with few distinct values), then features. A column
 * mixing numbers and text is never preselected (neither as a feature nor, unless named like one, as
 * the label): its decision says why, and the user can tick it.
 */
export function suggestRoles(
  columns: ColumnInfo[],
  body: readonly SampledRecord[],
  decimalComma: boolean,
): void {
  const fewClasses = (col: ColumnInfo) =>
    col.distinct >= 1 && col.distinct <= Math.max(2, Math.min(MAX_INTEGER_CLASSES, body.length / 2));
  const named = columns.find(
    (col) =>
      LABEL_NAME.test(col.name) &&
      (col.kind === 'text' ||
        col.kind === 'mixed' ||
        (col.kind === 'numeric' && col.integer && fewClasses(col))),
  );
  const label =
    named ?? columns.find((col) => col.kind === 'text' && col.hexTexts < col.texts && fewClasses(col));
  if (label) {
    label.suggestedRole = 'label';
    label.reason = named
      ? 'named like a label'
      : `text with ${formatCount(label.distinct, 'distinct value')}`;
  }
  for (const col of columns) {
    if (col === label) continue;
    if (col.kind !== 'numeric') {
      col.reason = col.kind === 'empty' ? 'no values' : 'not numeric';
      continue;
    }
    if (col.integer && ID_NAME.test(col.name.trim()) && isIncreasing(body, col.index, decimalComma)) {
      col.reason = 'looks like a row id (increasing integers)';
      continue;
    }
    col.suggestedRole = 'feature';
  }
}

function isIncreasing(body: readonly SampledRecord[], column: number, decimalComma: boolean): boolean {
  let previous = -Infinity;
  for (const { fields } of body) {
    const value = Number(decimalComma ? (fields[column] ?? '').replace(',', '.') : fields[column]);
    if (!(value > previous)) return false;
    previous = value;
  }
  return body.length > 1;
}
