import type { UmapAudit } from '../../engine/import';
import { similarityColours } from '../charts/axes';
import { PairDensityPlots } from '../charts/PairViews';
import { targetSimilarity } from '../claims/runMeasures';
import { formatThreeDigits } from '../format';

const CURVE_POINTS = 101;

/**
 * Fig. 4 pair by pair on their graph: ν of each stored pair of their layout against its target ν*
 * (eq. 15) and against μ, with the μ → ν* curve of their n, m and mean degree. If their UMAP ran
 * umap-learn's sampling, the left plot hugs its diagonal and the right one the curve.
 */
export function AuditPairViews({ audit }: { audit: UmapAudit }) {
  const { pairs, meanDegree, m, n } = audit;
  const grid = Array.from({ length: CURVE_POINTS }, (_, i) => i / (CURVE_POINTS - 1));
  const targetCurve = {
    name: `ν* with your mean degree d̄ = ${formatThreeDigits(meanDegree)}`,
    points: grid.map((mu): [number, number] => [mu, targetSimilarity(mu, meanDegree, m, n)]),
    colour: similarityColours.nuStar,
  };
  return (
    <figure className="audit-pairs">
      <figcaption className="chart-title">Per pair: ν against ν* and μ</figcaption>
      <PairDensityPlots
        pairs={pairs}
        muTitle="μ (your graph)"
        targetCurves={[targetCurve]}
        name={{ label: 'Your UMAP’s pairs', testId: 'audit-pairs' }}
        brushable={false}
      />
      <p className="chart-equation">
        Each stored pair of your graph, binned 40 × 40; orange: the μ → ν* map of eq. 15 for your n, m and
        mean degree.
      </p>
    </figure>
  );
}
