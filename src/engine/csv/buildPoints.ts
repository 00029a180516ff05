import { UserError } from '../../core/errors';
import { type ColumnPlan, IDENTITY, scaledPlan, shareFactor, standardizedPlan } from './columnPlans';
import { columnStats, pointStd, rawRanges } from './columnStats';
import { columnsLabel } from './csvErrors';
import { type Float32Trouble, float32Trouble } from './float32Range';
import { rescaleNotices } from './rescaleNotices';
import type { NumericTable, TableToDatasetOptions } from './tableToDataset';

/** A feature column float32 could not hold as it was: its points are ((x / prescale) − offset) / divisor. */
export interface ColumnRescale {
  name: string;
  trouble: Float32Trouble;
  prescale: number;
  offset: number;
  divisor: number;
}

/** The dataset's points for the rows `kept`: constant columns, float32 range and standardisation settled. */
export function buildPoints(
  table: NumericTable,
  kept: Int32Array,
  options: Pick<TableToDatasetOptions, 'standardize' | 'metric'>,
) {
  const notices: string[] = [];
  const names = table.featureNames;
  const standardize = options.standardize === true;
  const cosine = options.metric === 'cosine';
  const range = rawRanges(table, kept);
  const constant: number[] = [];
  for (let c = 0; c < table.dim; c++) if (range.min[c] === range.max[c]) constant.push(c);
  const plans: ColumnPlan[] = [];
  for (let c = 0; c < table.dim; c++) {
    const trouble = float32Trouble(range.min[c], range.max[c], range.maxAbs[c]);
    if (trouble !== null && !Number.isFinite(range.maxAbs[c])) {
      throw new Error(`column ${names[c]} holds ±Infinity outside the invalid rows`);
    }
    plans.push(
      trouble === null
        ? IDENTITY
        : standardize
          ? standardizedPlan(table, kept, c, trouble, range.maxAbs[c])
          : scaledPlan(table, kept, c, trouble, range, cosine),
    );
  }
  if (standardize) {
    // A column with float64 spread so small that it vanishes in the arithmetic is constant too.
    for (let c = 0; c < table.dim; c++) if (plans[c].divisor === 0 && !constant.includes(c)) constant.push(c);
    constant.sort((a, b) => a - b);
  }
  const dropConstant = standardize || !cosine;
  const columns: number[] = [];
  for (let c = 0; c < table.dim; c++) if (!(dropConstant && constant.includes(c))) columns.push(c);
  if (columns.length === 0) {
    const constantNames = constant.map((c) => `"${names[c]}"`).join(', ');
    throw new UserError(
      `Every chosen feature column is constant (${constantNames}), so all points coincide. Choose columns whose values vary.`,
    );
  }
  if (constant.length > 0) {
    const label = columnsLabel(constant.map((c) => names[c]));
    const one = constant.length === 1;
    notices.push(
      !dropConstant
        ? `${label} ${one ? 'is' : 'are'} constant; kept, because under the cosine metric ${one ? 'it changes' : 'they change'} angles. Untick ${one ? 'it' : 'them'} to leave ${one ? 'it' : 'them'} out.`
        : standardize
          ? `${label} ${one ? 'is' : 'are'} constant, so ${one ? 'it' : 'they'} cannot be standardised (zero spread); left out.`
          : `${label} ${one ? 'is' : 'are'} constant, so ${one ? 'it does' : 'they do'} not change Euclidean distances; left out.`,
    );
  }
  if (!standardize) shareFactor(plans, columns, range.maxAbs);
  // Standardising the columns float32 can hold: mean and population std of their float32 values.
  const stats = columnStats(table, kept);
  for (const c of columns) {
    if (standardize && plans[c].trouble === null) {
      plans[c] = { ...IDENTITY, offset: stats.mean[c], divisor: stats.std[c] };
    }
  }
  const n = kept.length;
  const dim = columns.length;
  const points = new Float32Array(n * dim);
  const { values } = table;
  for (let j = 0; j < dim; j++) {
    const c = columns[j];
    const { exact, prescale, offset, divisor } = plans[c];
    for (let i = 0; i < n; i++) {
      const raw = values[kept[i] * table.dim + c];
      const x = exact ? raw : Math.fround(raw);
      points[i * dim + j] = (x / prescale - offset) / divisor;
    }
  }
  const rescaled: ColumnRescale[] = [];
  const columnScale = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    const c = columns[j];
    const plan = plans[c];
    columnScale[j] = standardize ? 1 : plan.trouble === null ? stats.std[c] : pointStd(points, n, dim, j);
    if (plan.trouble !== null) {
      const { prescale, offset, divisor, trouble } = plan;
      rescaled.push({ name: names[c], trouble, prescale, offset, divisor });
    }
  }
  notices.push(...rescaleNotices(plans, columns, names, range, standardize));
  if (standardize) notices.push('Standardised every feature column to mean 0 and standard deviation 1.');
  return { points, dim, columns, notices, columnScale, rescaled };
}
