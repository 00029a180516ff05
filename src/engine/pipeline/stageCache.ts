import { CancelledError } from '../../core/cancel';
import { UserError } from '../../core/errors';
import type { Dataset, Graph, KnnResult } from '../../core/types';
import { type ExplorerConfig, type Stage, stageKeys } from '../config';
import { tooFewPointsForK } from '../configRules';
import { datasetFor, type ExternalDataset } from './dataset';
import { type Artifacts, graphStage, initStage, kernelStage, knnStage } from './stages';

/** Progress of a stage: called with 0 when it starts, then with the fraction done of the long ones. */
export type StageProgress = (stage: Stage, fraction: number) => void;

interface Entry<T> {
  key: string;
  value: T;
}

/**
 * The staged pipeline with one cached value per stage (openTSNE-style: each stage reusable).
 * `build` recomputes exactly the stages whose key changed; `shouldCancel` is polled during the
 * long stages and aborts them with a CancelledError, leaving the cache as it was.
 */
export function createStageCache() {
  let datasetEntry: Entry<Dataset> | null = null;
  let knnEntry: Entry<KnnResult> | null = null;
  let graphEntry: Entry<{ graph: Graph; degrees: Float64Array }> | null = null;
  let initEntry: Entry<{ initial: Float32Array; message?: string }> | null = null;

  function build(
    config: ExplorerConfig,
    external: ExternalDataset | null,
    onProgress: StageProgress = () => {},
    shouldCancel: () => boolean = () => false,
  ): Artifacts {
    const keys = stageKeys(config, external?.id);
    const progressOf = (stage: Stage) => (fraction: number) => {
      onProgress(stage, fraction);
      return !shouldCancel();
    };

    const dataset = datasetEntry?.key === keys.dataset ? datasetEntry.value : datasetFor(config, external);
    if (config.k >= dataset.n) throw new UserError(tooFewPointsForK(config.k, dataset.n));

    // Reused while it has enough columns (a wider result slices exactly).
    let knn = knnEntry?.key === keys.knn && knnEntry.value.k >= config.k ? knnEntry.value : null;
    if (config.similarity !== 'dense' && !knn) {
      onProgress('knn', 0);
      knn = knnStage(dataset, config, progressOf('knn'));
    }

    const kernel = kernelStage(config);
    let graphValue = graphEntry?.key === keys.graph ? graphEntry.value : null;
    if (!graphValue) {
      onProgress('graph', 0);
      graphValue = graphStage(dataset, knn, config, kernel);
    }

    let initValue = initEntry?.key === keys.init ? initEntry.value : null;
    if (!initValue) {
      onProgress('init', 0);
      initValue = initStage(dataset, graphValue.graph, config, progressOf('init'));
    }
    if (shouldCancel()) throw new CancelledError();

    // Commit only once every stage succeeded, so a failed or cancelled build keeps the old cache.
    datasetEntry = { key: keys.dataset, value: dataset };
    if (knn) knnEntry = { key: keys.knn, value: knn };
    graphEntry = { key: keys.graph, value: graphValue };
    initEntry = { key: keys.init, value: initValue };
    return {
      dataset,
      knn,
      ...kernel,
      ...graphValue,
      initial: initValue.initial,
      initMessage: initValue.message,
    };
  }

  return { build };
}
