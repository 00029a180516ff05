import type { ExplorerConfig } from '../../engine/config';

export type VariantId = 'corrected' | 'inverted' | 'binary' | 'push' | 'm10';

/** What run B changes relative to run A; everything else B takes from A's configuration. */
export interface Variant {
  id: VariantId;
  /** Shown in the select and in B's caption. */
  label: string;
  apply(config: ExplorerConfig): ExplorerConfig;
  /** The setting this variant changes, as it is in `config` (A's caption shows A's value). */
  setting(config: ExplorerConfig): string;
}

export const variants: readonly Variant[] = [
  {
    id: 'corrected',
    label: 'corrected sampling',
    apply: (config) => ({ ...config, sampling: 'corrected' }),
    setting: (config) => `sampling: ${config.sampling}`,
  },
  {
    id: 'inverted',
    label: 'inverted similarities',
    apply: (config) => ({ ...config, similarity: 'inverted' }),
    setting: (config) => `similarities: ${config.similarity}`,
  },
  {
    id: 'binary',
    label: 'binary kNN',
    apply: (config) => ({ ...config, similarity: 'binary' }),
    setting: (config) => `similarities: ${config.similarity}`,
  },
  {
    id: 'push',
    label: 'push negatives',
    apply: (config) => ({ ...config, pushNegatives: true }),
    setting: (config) => `push negatives: ${config.pushNegatives ? 'on' : 'off'}`,
  },
  {
    id: 'm10',
    label: 'm = 10',
    apply: (config) => ({ ...config, m: 10 }),
    setting: (config) => `m = ${config.m}`,
  },
];

export function variantById(id: VariantId): Variant {
  return variants.find((variant) => variant.id === id) ?? variants[0];
}
