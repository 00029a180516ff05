import type { ExplorerConfig } from '../../engine/config';
import { numberParameters } from '../../engine/parameters';
import type { SweepParameter, SweepSpec } from '../../engine/sweep';

/** Panels of a first sweep: enough to see a trend, few enough to finish soon. */
const DEFAULT_PANELS = 5;

/**
 * A first range worth looking at for each parameter, from the papers: the spectrum from t-SNE-like to
 * UMAP-like (ICLR 2023), ρ from t-SNE to Laplacian-eigenmaps-like (JMLR 2022), m and k over the
 * ranges their papers use, n up to the current size; log-spaced where the effect goes with the ratio.
 */
export function sweepRangeFor(
  parameter: SweepParameter,
  config: ExplorerConfig,
): Pick<SweepSpec, 'from' | 'to' | 'scale'> {
  switch (parameter) {
    case 'spectrum':
      return { from: 0, to: 1, scale: 'linear' };
    case 'exaggeration':
      return { from: 1, to: 30, scale: 'log' };
    case 'm':
      // Neg-t-SNE's m moves Z̄ = n²/m along the spectrum (5–100 as its preset: each negative sample
      // costs an update, so m = 500 would take 80× UMAP's time); UMAP's m, over its slider's range.
      return config.loss === 'neg' && config.normalization === 'per-m'
        ? { from: 5, to: 100, scale: 'log' }
        : { from: 1, to: numberParameters.m.slider?.max ?? numberParameters.m.max, scale: 'log' };
    case 'n':
      return {
        from: Math.max(numberParameters.n.min, Math.round(config.n / 10)),
        to: config.n,
        scale: 'log',
      };
    case 'k':
      return { from: 5, to: numberParameters.k.max, scale: 'log' };
  }
}

/** The parameter that moves the current loss along its spectrum: ρ for t-SNE, s for NEG and InfoNCE, else m. */
function sweptParameterFor(config: ExplorerConfig): SweepParameter {
  if (config.loss === 'tsne') return 'exaggeration';
  if (config.loss === 'infonce' || (config.loss === 'neg' && config.normalization === 'spectrum')) {
    return 'spectrum';
  }
  return 'm';
}

/** The sweep form's suggestion for the configuration in effect. */
export function defaultSweepFor(config: ExplorerConfig): SweepSpec {
  const parameter = sweptParameterFor(config);
  return { parameter, count: DEFAULT_PANELS, ...sweepRangeFor(parameter, config) };
}
