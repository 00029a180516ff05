import { formatInteger, formatPercent, formatThreeDigits } from '../format';
import { times, when } from './claimFormat';
import { CONTRACTED_RATIO, KEPT_RATIO, WIDENED_RATIO } from './criteria';
import type { Claim, FinishedRun, RunData, Verdict } from './runData';
import { thicknessRatio } from './runMeasures';

type ThicknessMode = { kind: 'contracts'; claim: string } | { kind: 'keeps' | 'widens'; claim: string };

/** The ring's width against the input's: contracts (Fig. 1b, 1c, §6), keeps it (§7.3) or widens (Fig. 1d). */
export function thicknessClaim(
  data: RunData,
  mode: ThicknessMode,
  compareWith?: FinishedRun & { label: string },
) {
  const id = `thickness-${mode.kind}`;
  const ratio = thicknessRatio(data);
  const values: Record<string, number> = {};
  if (ratio === undefined) {
    return {
      id,
      claim: mode.claim,
      measured: 'no ring thickness yet (ring datasets only)',
      verdict: 'pending' as Verdict,
      why: 'The thickness ratio appears once the ring is embedded.',
      values,
    };
  }
  values.ratio = ratio;
  const arcs = data.ringArcs ?? 1;
  values.arcs = arcs;
  const earlier =
    compareWith?.thicknessRatio !== undefined
      ? `; ${compareWith.label} ended at ${formatThreeDigits(compareWith.thicknessRatio)} in this session`
      : '';
  const measured =
    arcs > 1
      ? `ring torn into ${formatInteger(arcs)} arcs ${when(data)} (its thickness / input, ${formatThreeDigits(ratio)}, measures no width)${earlier}`
      : `ring thickness / input = ${formatThreeDigits(ratio)} ${when(data)}${earlier}`;
  const done = data.status === 'done';
  const result = (verdict: Verdict, why: string): Claim => ({
    id,
    claim: mode.claim,
    measured,
    verdict,
    why,
    values,
  });
  if (arcs > 1)
    return result(
      'differs',
      `The ring tore into ${formatInteger(arcs)} arcs, so its thickness no longer measures a width.`,
    );
  if (mode.kind === 'contracts') {
    const bound = compareWith?.thicknessRatio;
    if (bound !== undefined) {
      if (ratio < bound)
        return result(
          'reproduced',
          `${formatThreeDigits(ratio)} is below ${compareWith?.label}'s ${formatThreeDigits(bound)}: this ring contracts more.`,
        );
      return result(
        done ? 'differs' : 'pending',
        `${formatThreeDigits(ratio)} is not below ${compareWith?.label}'s ${formatThreeDigits(bound)}${done ? '.' : ' (yet: the contraction is gradual).'}`,
      );
    }
    if (ratio <= CONTRACTED_RATIO)
      return result(
        'reproduced',
        `The width fell to ${formatPercent(ratio)} of the input's (contracted: at most ${formatPercent(CONTRACTED_RATIO)}).`,
      );
    return result(
      done ? 'differs' : 'pending',
      done
        ? `The run ended with the width at ${formatPercent(ratio)} of the input's, above ${formatPercent(CONTRACTED_RATIO)}.`
        : `Not below ${formatPercent(CONTRACTED_RATIO)} of the input's width yet: the contraction is gradual, decided when the run ends.`,
    );
  }
  if (mode.kind === 'keeps') {
    if (done || ratio < KEPT_RATIO)
      return result(
        ratio >= KEPT_RATIO ? 'reproduced' : done ? 'differs' : 'pending',
        ratio >= KEPT_RATIO
          ? `The ring kept ${formatPercent(ratio)} of the input's width (kept: at least ${formatPercent(KEPT_RATIO)}).`
          : `The width is ${formatPercent(ratio)} of the input's, below ${formatPercent(KEPT_RATIO)}${done ? ': it contracted.' : ' so far.'}`,
      );
    return result(
      'pending',
      `${formatPercent(ratio)} of the input's width so far (kept: at least ${formatPercent(KEPT_RATIO)} at the end).`,
    );
  }
  if (ratio > WIDENED_RATIO)
    return result(
      'reproduced',
      `The ring is ${times(ratio)} as wide as the input: it widened instead of staying.`,
    );
  return result(
    done ? 'differs' : 'pending',
    `The width is ${formatPercent(ratio)} of the input's: not wider${done ? '.' : ' so far.'}`,
  );
}
