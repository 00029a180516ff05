import type { DatasetKind } from '../../engine/config';
import { datasetDimensions, RING_COUNT, sizeMenu } from '../../engine/parameters';
import { useExplorerStore } from '../../state/store';
import { formatInteger } from '../format';
import { ChoiceSelect, MenuSelect } from './ParameterSelects';
import { useConfigure } from './useParameter';

/** The size on `dataset`'s menu nearest to n, by ratio. */
function nearestSize(dataset: DatasetKind, n: number): number {
  let best = n;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const value of sizeMenu(dataset)) {
    const distance = Math.abs(Math.log(value / n));
    if (distance < bestDistance) {
      best = value;
      bestDistance = distance;
    }
  }
  return best;
}

/** The input dimension of the dataset in effect: the generated ones' are known, a CSV's once loaded. */
function useDimension(): number {
  const dataset = useExplorerStore((state) => state.config.dataset);
  const csvDim = useExplorerStore((state) => state.runInfo?.dim);
  return datasetDimensions[dataset] ?? csvDim ?? 2;
}

/**
 * The dataset menu: a CSV is offered by loading one (CsvPanel), so it appears only while in effect.
 * A new dataset keeps n near the old one on its own menu, and data init only where it is 2-D.
 */
export function DatasetSelect() {
  const configure = useConfigure();
  const changeDataset = (dataset: DatasetKind) =>
    configure((config) => ({
      ...config,
      dataset,
      n: nearestSize(dataset, config.n),
      // Data init places each point at its input coordinates: only 2-D data can be used as a layout.
      init: datasetDimensions[dataset] !== 2 && config.init === 'data' ? 'spectral' : config.init,
    }));
  return <ChoiceSelect name="dataset" hidden={['csv']} onChange={changeDataset} />;
}

/** n from the dataset's size menu; a loaded CSV has its own n, so none is offered. */
export function SizeSelect() {
  const dataset = useExplorerStore((state) => state.config.dataset);
  if (dataset === 'csv') return null;
  const sizeLabel = (n: number) =>
    dataset === 'rings'
      ? `${formatInteger(n)} = ${RING_COUNT} × ${formatInteger(n / RING_COUNT)}`
      : formatInteger(n);
  return <MenuSelect name="n" optionLabel={sizeLabel} />;
}

/** Init, with data init unavailable (and the reason said) for data that is not 2-D. */
export function InitSelect() {
  const dim = useDimension();
  const planar = dim === 2;
  return (
    <ChoiceSelect
      name="init"
      disabled={planar ? [] : ['data']}
      hint={planar ? undefined : `data init needs 2-D input; this dataset is ${dim}-D`}
    />
  );
}
