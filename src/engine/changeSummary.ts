import { type ChangePlan, defaultConfig, type ExplorerConfig, effectOf } from './config';
import { type ParameterName, parameterNames, parameters, type Stage, stages } from './parameters';

/** A parameter's place in the pipeline: its stage for the default configuration; live ones last. */
const effectOrder = [...stages, 'live'];
const pipelinePlace = (name: ParameterName) => effectOrder.indexOf(effectOf(name, defaultConfig) ?? 'live');
/** The parameters in the order a summary names them. */
const inPipelineOrder = [...parameterNames].sort((a, b) => pipelinePlace(a) - pipelinePlace(b));

/** What rebuilding from each stage on means, in plain words. */
export const rebuildFrom: Record<Stage, string> = {
  dataset: 'new data, rebuilding everything',
  knn: 'recomputing the nearest neighbours, the graph and the layout',
  graph: 'rebuilding the graph',
  init: 'new initial layout',
  optimizer: 'restarting the optimizer',
};

/** "a", "a and b", "a, b and c". */
function listed(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The change from `previous` to `next` in plain words, for the note under the controls: what
 * changed and what that does, from the plan (`planChange`): "k changed: rebuilding the graph",
 * "n changed: new data, rebuilding everything", "seed changed: new data and layout", "m applied
 * live", "no change". `datasetReplaced`: a new file was loaded under the same configuration.
 */
export function changeSummary(
  previous: ExplorerConfig | null,
  next: ExplorerConfig,
  plan: ChangePlan,
  datasetReplaced = false,
): string {
  if (!previous) return 'first run: building everything';
  const changedKeys = inPipelineOrder.filter((key) => previous[key] !== next[key]);
  const changed = changedKeys.map((key) => parameters[key].name);
  if (datasetReplaced) changed.unshift('file');
  const subject = `${listed(changed)} changed`;
  const first = plan.rebuild[0];
  if (first) {
    // The seed seeds the generated data, the initial layout and the optimizer.
    const seedOnly = !datasetReplaced && changedKeys.length === 1 && changedKeys[0] === 'seed';
    if (seedOnly)
      return first === 'dataset' ? 'seed changed: new data and layout' : 'seed changed: new layout';
    if (changed.length === 0) return `rebuilding: ${rebuildFrom[first]}`;
    return `${subject}: ${rebuildFrom[first]}`;
  }
  if (plan.live.length > 0) {
    const live = plan.live.map((parameter) => parameters[parameter].name);
    const ignored = changedKeys
      .filter((key) => !(plan.live as readonly string[]).includes(key))
      .map((key) => parameters[key].name);
    if (datasetReplaced) ignored.unshift('file');
    const note = ignored.length > 0 ? `; ${listed(ignored)} changed without effect on this run` : '';
    return `${listed(live)} applied live${note}`;
  }
  if (changed.length > 0) return `${subject}: no effect on this run`;
  return 'no change';
}
