import type { ExplorerConfig } from '../../engine/config';
import { formatNumber } from '../../engine/messages';
import { type ParameterName, parameterNames, parameters } from '../../engine/parameters';

const valueText = (value: ExplorerConfig[ParameterName]) =>
  typeof value === 'boolean'
    ? value
      ? 'on'
      : 'off'
    : typeof value === 'number'
      ? formatNumber(value)
      : value;

/**
 * How an earlier sweep's base configuration differs from the current one, in its own values:
 * "sampling = umap, k = 10"; "same settings" when only the range differs. The swept
 * parameter is set per panel and a sweep always runs one thread, so neither counts.
 */
export function describeDifference(
  earlier: ExplorerConfig,
  current: ExplorerConfig,
  swept: ParameterName,
): string {
  const differing = parameterNames.filter(
    (name) => name !== swept && name !== 'threads' && earlier[name] !== current[name],
  );
  if (differing.length === 0) return 'same settings';
  return differing.map((name) => `${parameters[name].name} = ${valueText(earlier[name])}`).join(', ');
}
