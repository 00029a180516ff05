import { type ReactNode, useId } from 'react';
import type { InitKind } from '../core/init';
import type { SamplingMode } from '../core/pipeline';
import type { SimilarityMode } from '../core/similarityGraph';
import type { Metric } from '../core/types';
import { type DatasetKind, type ExplorerConfig, K_MAX } from '../engine/config';
import { useExplorerStore } from '../state/store';
import { formatInteger, formatThreeDigits } from './format';
import { useRunClient } from './runClientContext';

function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  testId,
  display = String(value),
  hint,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  testId: string;
  display?: string;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>
        {label} <output htmlFor={id}>{display}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        aria-valuetext={display}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      {hint && <small className="control-hint">{hint}</small>}
    </div>
  );
}

interface Choice<T> {
  value: T;
  label: string;
  disabled?: boolean;
}

function Select<T extends string | number>({
  label,
  value,
  choices,
  onChange,
  hint,
  testId,
}: {
  label: string;
  value: T;
  choices: Choice<T>[];
  onChange: (value: T) => void;
  hint?: ReactNode;
  testId?: string;
}) {
  const id = useId();
  const hintId = useId();
  return (
    <div className="control">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        data-testid={testId}
        aria-describedby={hint ? hintId : undefined}
        onChange={(event) => {
          const chosen = choices.find((choice) => String(choice.value) === event.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((choice) => (
          <option key={String(choice.value)} value={String(choice.value)} disabled={choice.disabled}>
            {choice.label}
          </option>
        ))}
      </select>
      {hint && (
        <small id={hintId} className="control-hint">
          {hint}
        </small>
      )}
    </div>
  );
}

const datasetChoices: Choice<DatasetKind>[] = [
  { value: 'ring', label: 'paper ring (2-D)' },
  { value: 'rings', label: '20 rings (2-D)' },
  { value: 'square', label: 'uniform square (2-D)' },
  { value: 'blobs', label: 'Gaussian blobs (50-D)' },
  { value: 'mnist', label: 'MNIST digits (784-D)' },
];

/** Input dimension of the generated datasets; a loaded CSV's comes from the run. */
const datasetDims: Partial<Record<DatasetKind, number>> = {
  ring: 2,
  rings: 2,
  square: 2,
  blobs: 50,
  mnist: 784,
};

const RING_COUNT = 20;

/** Sensible sizes per dataset; 20 rings take n = 20 × points per ring. */
function sizeChoices(dataset: DatasetKind): Choice<number>[] {
  if (dataset === 'rings') {
    return [25, 50, 100, 250, 500, 1000].map((perRing) => ({
      value: RING_COUNT * perRing,
      label: `${formatInteger(RING_COUNT * perRing)} = 20 × ${formatInteger(perRing)}`,
    }));
  }
  const sizes =
    dataset === 'mnist' ? [1000, 2000, 5000, 10_000] : [100, 200, 500, 1000, 2000, 5000, 10_000, 20_000];
  return sizes.map((n) => ({ value: n, label: formatInteger(n) }));
}

function nearestSize(dataset: DatasetKind, n: number): number {
  let best = n;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const { value } of sizeChoices(dataset)) {
    const distance = Math.abs(Math.log(value / n));
    if (distance < bestDistance) {
      best = value;
      bestDistance = distance;
    }
  }
  return best;
}

const similarityChoices: Choice<SimilarityMode>[] = [
  { value: 'umap', label: 'UMAP μ' },
  { value: 'inverted', label: 'inverted min(μ)/μ' },
  { value: 'binary', label: 'binary kNN' },
  { value: 'dense', label: 'dense φ(‖xᵢ − xⱼ‖)' },
];

const samplingChoices: Choice<SamplingMode>[] = [
  { value: 'umap', label: 'UMAP' },
  { value: 'corrected', label: 'corrected (§7.3)' },
];

const metricChoices: Choice<Metric>[] = [
  { value: 'euclidean', label: 'euclidean' },
  { value: 'cosine', label: 'cosine' },
];

const threadChoices: Choice<number>[] = [
  { value: 1, label: '1 (reproducible)' },
  { value: 2, label: '2' },
  { value: 4, label: '4' },
];

const epochChoices: Choice<number>[] = [200, 500, 750, 1000, 2000, 5000, 10_000].map((epochs) => ({
  value: epochs,
  label: formatInteger(epochs),
}));

function SeedInput({ value, onChange }: { value: number; onChange: (seed: number) => void }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>seed</label>
      <input
        id={id}
        type="number"
        min={0}
        step={1}
        value={value}
        onChange={(event) => {
          const seed = Number(event.target.value);
          if (event.target.value !== '' && Number.isInteger(seed) && seed >= 0) onChange(seed);
        }}
      />
    </div>
  );
}

function Checkbox({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="control control-checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} />
      <label htmlFor={id}>
        {label} <output htmlFor={id}>{checked ? 'on' : 'off'}</output>
      </label>
      {hint && <small className="control-hint">{hint}</small>}
    </div>
  );
}

export function Controls() {
  const client = useRunClient();
  const config = useExplorerStore((state) => state.config);
  const status = useExplorerStore((state) => state.frame?.status);
  const csvDim = useExplorerStore((state) => state.runInfo?.dim);
  const change = (patch: Partial<ExplorerConfig>) => void client?.configure({ ...config, ...patch });
  const running = status === 'running';
  const dim = datasetDims[config.dataset] ?? csvDim ?? 2;
  const twoDimensional = dim === 2;

  const changeDataset = (dataset: DatasetKind) => {
    const patch: Partial<ExplorerConfig> = { dataset, n: nearestSize(dataset, config.n) };
    // Data init places each point at its input coordinates: only 2-D data can be used as a layout.
    if (datasetDims[dataset] !== 2 && config.init === 'data') patch.init = 'spectral';
    change(patch);
  };

  const initChoices: Choice<InitKind>[] = [
    { value: 'data', label: 'data (input coordinates)', disabled: !twoDimensional },
    { value: 'spectral', label: 'spectral' },
    { value: 'random', label: 'random' },
  ];

  return (
    <section className="controls" aria-label="Controls">
      <div className="buttons">
        <button type="button" onClick={() => void (running ? client?.pause() : client?.play())}>
          {running ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => void client?.step(1)}>
          Step
        </button>
        <button type="button" onClick={() => void client?.step(10)}>
          Step 10
        </button>
        <button type="button" onClick={() => void client?.reset()}>
          Reset
        </button>
      </div>

      <fieldset>
        <legend>Data</legend>
        <Select
          label="dataset"
          value={config.dataset}
          choices={
            config.dataset === 'csv'
              ? [...datasetChoices, { value: 'csv', label: 'your CSV' }]
              : datasetChoices
          }
          onChange={changeDataset}
          testId="dataset-select"
        />
        {config.dataset !== 'csv' && (
          <Select
            label="points n"
            value={config.n}
            choices={sizeChoices(config.dataset)}
            onChange={(n) => change({ n })}
            testId="n-select"
          />
        )}
        <SeedInput value={config.seed} onChange={(seed) => change({ seed })} />
        <Select
          label="metric"
          value={config.metric}
          choices={metricChoices}
          onChange={(metric) => change({ metric })}
        />
      </fieldset>

      <fieldset>
        <legend>Input similarities</legend>
        <Slider
          label="neighbours k"
          value={config.k}
          min={2}
          max={K_MAX}
          onChange={(k) => change({ k })}
          testId="k-slider"
        />
        <Select
          label="similarity"
          value={config.similarity}
          choices={similarityChoices}
          onChange={(similarity) => change({ similarity })}
          testId="similarity-select"
        />
      </fieldset>

      <fieldset>
        <legend>Optimizer</legend>
        <Select
          label="init"
          value={config.init}
          choices={initChoices}
          onChange={(init) => change({ init })}
          hint={twoDimensional ? undefined : `data init needs 2-D input; this dataset is ${dim}-D`}
          testId="init-select"
        />
        <Select
          label="epochs"
          value={config.epochs}
          choices={epochChoices}
          onChange={(epochs) => change({ epochs })}
        />
        <Slider
          label="negative samples m"
          value={config.m}
          min={1}
          max={30}
          onChange={(m) => change({ m })}
          testId="m-slider"
          hint="applies live"
        />
        <Slider
          label="learning rate α₀"
          value={config.learningRate}
          min={0.05}
          max={2}
          step={0.05}
          display={formatThreeDigits(config.learningRate)}
          onChange={(learningRate) => change({ learningRate })}
          testId="lr-slider"
          hint="applies live"
        />
        <Slider
          label="min_dist"
          value={config.minDist}
          min={0}
          max={0.99}
          step={0.01}
          display={formatThreeDigits(config.minDist)}
          onChange={(minDist) => change({ minDist })}
          testId="min-dist-slider"
        />
        <Select
          label="sampling"
          value={config.sampling}
          choices={samplingChoices}
          onChange={(sampling) => change({ sampling })}
          testId="sampling-select"
        />
        <Checkbox
          label="push negatives"
          checked={config.pushNegatives}
          onChange={(pushNegatives) => change({ pushNegatives })}
          hint="also move the negative sample (Algorithm 1, line 10)"
        />
        <Select
          label="threads per epoch"
          value={config.threads}
          choices={threadChoices}
          onChange={(threads) => change({ threads })}
          testId="threads-select"
          hint="more than 1: Hogwild-style parallel epochs, faster but not reproducible from the seed"
        />
      </fieldset>
    </section>
  );
}
