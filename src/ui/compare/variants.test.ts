import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExplorerConfig } from '../../engine/config';
import { variantById, variants } from './variants';

/** The fields in which two configurations differ. */
function differences(a: ExplorerConfig, b: ExplorerConfig): string[] {
  return (Object.keys(a) as (keyof ExplorerConfig)[]).filter((key) => a[key] !== b[key]);
}

describe('compare variants', () => {
  it('change exactly one setting of the default configuration and leave it untouched', () => {
    const before = { ...defaultConfig };
    const changed = variants.map((variant) => differences(defaultConfig, variant.apply(defaultConfig)));
    expect(changed).toEqual([['sampling'], ['similarity'], ['similarity'], ['pushNegatives'], ['m']]);
    expect(defaultConfig).toEqual(before);
  });

  it('apply the named value and describe it', () => {
    expect(variantById('corrected').apply(defaultConfig).sampling).toBe('corrected');
    expect(variantById('inverted').apply(defaultConfig).similarity).toBe('inverted');
    expect(variantById('binary').apply(defaultConfig).similarity).toBe('binary');
    expect(variantById('push').apply(defaultConfig).pushNegatives).toBe(true);
    expect(variantById('m10').apply(defaultConfig).m).toBe(10);
    expect(variantById('corrected').setting(defaultConfig)).toBe('sampling: umap');
    expect(variantById('m10').setting(variantById('m10').apply(defaultConfig))).toBe('m = 10');
  });

  it('keep a setting A already has', () => {
    const corrected = { ...defaultConfig, sampling: 'corrected' as const };
    expect(differences(corrected, variantById('corrected').apply(corrected))).toEqual([]);
  });
});
