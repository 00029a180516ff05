import type { ColumnPlan } from './columnPlans';
import type { ColumnRanges } from './columnStats';
import { columnsLabel } from './csvErrors';
import { decimalExponent, formatMagnitude } from './float32Range';

/** "divided by 1e39" / "multiplied by 1e50". */
function byPowerOfTen(divisor: number): string {
  const e = decimalExponent(divisor);
  return e >= 0 ? `divided by 1e${e}` : `multiplied by 1e${-e}`;
}

/** One notice per column that float32 could not hold as it was, saying what was done and its effect. */
export function rescaleNotices(
  plans: ColumnPlan[],
  columns: number[],
  names: string[],
  range: ColumnRanges,
  standardize: boolean,
): string[] {
  const notices: string[] = [];
  const troubled = columns.filter((c) => plans[c].trouble !== null);
  const shared =
    troubled.length === columns.length && new Set(troubled.map((c) => plans[c].divisor)).size === 1;
  for (const c of troubled) {
    const plan = plans[c];
    const label = columnsLabel([names[c]]);
    const why =
      plan.trouble === 'overflow'
        ? `holds values up to ${formatMagnitude(range.maxAbs[c])}, beyond float32's range (±3.4e+38)`
        : plan.trouble === 'tiny'
          ? `holds only tiny values (up to ${formatMagnitude(range.maxAbs[c])}), which float32 would round to 0 or strip of their digits`
          : `varies only beyond float32's precision (${range.min[c]} to ${range.max[c]} would all become ${Number.isFinite(Math.fround(range.min[c])) ? Math.fround(range.min[c]) : 'the same float32 number'})`;
    if (standardize) {
      notices.push(
        `${label} ${why}; it was standardised in float64 before the conversion to float32, so nothing was lost.`,
      );
      continue;
    }
    if (plan.trouble === 'indistinct' && plan.offset === 0) {
      notices.push(
        `${label} ${why}, so in float32 it is constant. Under the cosine metric, subtracting its mean would change angles, so it was kept as it is${plan.divisor === 1 ? '' : ` (${byPowerOfTen(plan.divisor)})`}. Tick "standardise columns" to keep its variation.`,
      );
      continue;
    }
    if (plan.trouble === 'indistinct') {
      notices.push(
        `${label} ${why}; its mean, ${plan.offset}, was subtracted${plan.divisor === 1 ? ', which leaves Euclidean distances unchanged.' : ` and the result ${byPowerOfTen(plan.divisor)}. This changes its weight in distances against the other columns; tick "standardise columns" to weigh all columns alike.`}`,
      );
      continue;
    }
    const effect = shared
      ? columns.length === 1
        ? ''
        : ' Every feature column was scaled by the same factor, so distances keep their proportions.'
      : ' This changes its weight in distances against the other columns; tick "standardise columns" to weigh all columns alike.';
    notices.push(`${label} ${why}; it was ${byPowerOfTen(plan.divisor)} so float32 can hold it.${effect}`);
  }
  return notices;
}
