import {
  type Effect,
  type ExplorerConfig,
  formatParameter,
  type LiveParameter,
  type ParameterName,
  parameterNames,
  parameters,
  type Stage,
  stages,
} from './parameters';

export type { DatasetKind, ExplorerConfig, LiveParameter, Stage } from './parameters';

/** Fig. 1b's setting: the paper ring, data init, umap-learn's defaults otherwise (the registry's defaults). */
export const defaultConfig: ExplorerConfig = Object.fromEntries(
  parameterNames.map((name) => [name, parameters[name].default]),
  // One entry per parameter, each its own default: the shape ExplorerConfig is derived from.
) as ExplorerConfig;

/** Whether two configurations ask for the same run (field by field; every field is a primitive). */
export function sameConfig(a: ExplorerConfig, b: ExplorerConfig): boolean {
  return parameterNames.every((name) => a[name] === b[name]);
}

/** Where a change of `name` takes effect under `config` (registry: `effect`); null: none on this run. */
export function effectOf(name: ParameterName, config: ExplorerConfig): Effect | null {
  const { effect } = parameters[name];
  return typeof effect === 'function' ? effect(config) : effect;
}

/**
 * The inputs of each stage, as a string key: a stage is rebuilt exactly when its key changes.
 * Each key includes the previous stage's key, so a change propagates downstream. `datasetId`
 * identifies a loaded CSV (its content hash); generated datasets are identified by their parameters.
 */
export function stageKeys(config: ExplorerConfig, datasetId = ''): Record<Stage, string> {
  const inputs = (stage: Stage) =>
    parameterNames
      .filter((name) => effectOf(name, config) === stage)
      .map((name) => `${parameters[name].key}=${formatParameter(name, config[name])}`)
      .join('|');
  const dataset = config.dataset === 'csv' ? `csv:${datasetId}|${inputs('dataset')}` : inputs('dataset');
  const knn = `${dataset}|${inputs('knn')}`;
  const graph = `${knn}|${inputs('graph')}`;
  const init = `${graph}|${inputs('init')}`;
  const optimizer = `${init}|${inputs('optimizer')}`;
  return { dataset, knn, graph, init, optimizer };
}

export interface ChangePlan {
  /** Stages to rebuild, in pipeline order; empty when the change applies live. */
  rebuild: Stage[];
  /** Live parameters whose value changed. */
  live: LiveParameter[];
}

const isLive = (name: ParameterName): name is LiveParameter => parameters[name].effect === 'live';

export function planChange(
  previous: ExplorerConfig | null,
  next: ExplorerConfig,
  previousDatasetId = '',
  nextDatasetId = previousDatasetId,
): ChangePlan {
  if (!previous) return { rebuild: [...stages], live: [] };
  const before = stageKeys(previous, previousDatasetId);
  const after = stageKeys(next, nextDatasetId);
  const rebuild = stages.filter((stage) => before[stage] !== after[stage]);
  const live = parameterNames.filter(isLive).filter((name) => previous[name] !== next[name]);
  return { rebuild, live };
}
