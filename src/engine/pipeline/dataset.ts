/** The dataset stage: a generated dataset, or the loaded one (bundled digits, CSV) a configuration names. */
import { gaussianBlobs, paperRing, paperRings, uniformSquare } from '../../core/data';
import { UserError } from '../../core/errors';
import type { Dataset } from '../../core/types';
import type { ExplorerConfig } from '../config';
import { RING_COUNT } from '../parameters';

/** A dataset loaded from outside the generators (a CSV, the bundled digits), with its identity. */
export interface ExternalDataset {
  id: string;
  dataset: Dataset;
}

/** The id of the bundled digits among loaded datasets (a CSV's id is its SHA-256). */
export const MNIST_ID = 'mnist';

function generateDataset(config: ExplorerConfig): Dataset {
  const { n, seed } = config;
  switch (config.dataset) {
    case 'ring':
      return paperRing({ n, seed });
    case 'rings':
      if (n % RING_COUNT !== 0)
        throw new UserError(`The ${RING_COUNT} rings need n to be a multiple of ${RING_COUNT}; got ${n}.`);
      return paperRings({ count: RING_COUNT, n: n / RING_COUNT, seed });
    case 'square':
      return uniformSquare({ n, seed });
    case 'blobs':
      return gaussianBlobs({ n, dim: 50, seed });
    default:
      throw new UserError(`The ${config.dataset} dataset has to be loaded first.`);
  }
}

/**
 * The first n digits of the bundled set (all of them if n is larger). The asset interleaves the
 * classes, so a prefix is balanced across the ten labels; the views share the loaded buffers.
 */
export function firstDigits(digits: Dataset, n: number): Dataset {
  if (n >= digits.n) return digits;
  if (n < 1) throw new UserError(`n = ${n}: choose at least one digit.`);
  return {
    ...digits,
    n,
    points: digits.points.subarray(0, n * digits.dim),
    labels: digits.labels?.subarray(0, n),
  };
}

/** The dataset a configuration asks for: generated, or the loaded external one it names. */
export function datasetFor(config: ExplorerConfig, external: ExternalDataset | null): Dataset {
  if (config.dataset === 'mnist') {
    if (external?.id !== MNIST_ID)
      throw new UserError(
        'The MNIST digits could not be loaded; check the connection and choose them again.',
      );
    return firstDigits(external.dataset, config.n);
  }
  if (config.dataset === 'csv') {
    if (!external || external.id === MNIST_ID) throw new UserError('Load a CSV file first.');
    return external.dataset;
  }
  return generateDataset(config);
}
