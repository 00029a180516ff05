import { type ReactNode, useId, useState } from 'react';
import type { SimilarityMode } from '../core/graph';
import type { InitKind } from '../core/layout';
import type { SamplingMode } from '../core/pipeline';
import type { Metric } from '../core/types';
import type { DatasetKind, ExplorerConfig } from '../engine/config';
import { formatNumber } from '../engine/messages';
import {
  datasetDimensions,
  epochMenu,
  type NumberParameter,
  type NumberParameterName,
  numberParameters,
  RING_COUNT,
  sizeMenu,
  threadMenu,
} from '../engine/parameters';
import { useExplorerStore } from '../state/store';
import { formatInteger, formatThreeDigits } from './format';
import { useRunClient } from './runClientContext';

/**
 * A number the user can also type: committed on Enter or when the field loses focus (not per
 * keystroke, so typing "25" is one change, not "2" then "25"); out-of-range entries are refused
 * in place, with the range said.
 */
function NumberEntry({
  label,
  value,
  parameter,
  onCommit,
}: {
  label: string;
  value: number;
  parameter: NumberParameter;
  onCommit: (value: number) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const { min, max, integer } = parameter;
  const entered = text === null ? value : Number(text);
  const invalid =
    text !== null &&
    (text.trim() === '' ||
      !Number.isFinite(entered) ||
      entered < min ||
      entered > max ||
      (integer && !Number.isInteger(entered)));
  const commit = () => {
    if (text === null) return;
    if (!invalid && entered !== value) onCommit(entered);
    if (!invalid) setText(null);
  };
  return (
    <>
      <input
        type="number"
        className="number-entry"
        aria-label={label}
        aria-invalid={invalid}
        min={min}
        max={max}
        step={integer ? 1 : 'any'}
        value={text ?? String(value)}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setText(null);
        }}
      />
      {invalid && (
        <small role="alert" className="control-error">
          {integer ? 'a whole number' : 'a number'} in {formatNumber(min)}–{formatNumber(max)}
        </small>
      )}
    </>
  );
}

/** A slider with the exact value beside it; its track widens to take any value the parameter allows. */
function Slider({
  name,
  value,
  onChange,
  testId,
  display = String(value),
  hint,
}: {
  name: NumberParameterName;
  value: number;
  onChange: (value: number) => void;
  testId: string;
  display?: string;
  hint?: string;
}) {
  const id = useId();
  const parameter = numberParameters[name];
  const track = parameter.slider ?? parameter;
  return (
    <div className="control">
      <label htmlFor={id}>{parameter.label}</label>
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={Math.min(track.min, value)}
          max={Math.max(track.max, value)}
          step={parameter.slider?.step ?? 1}
          value={value}
          data-testid={testId}
          aria-valuetext={display}
          onChange={(event) => onChange(Number(event.target.value))}
        />
        <NumberEntry
          label={`${parameter.label}, exact value`}
          value={value}
          parameter={parameter}
          onCommit={onChange}
        />
      </div>
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

/** A menu's choices, plus the value in effect when a link or preset chose one off the menu: the menu always shows what runs. */
function withValue(choices: Choice<number>[], value: number, label = formatInteger(value)): Choice<number>[] {
  if (choices.some((choice) => choice.value === value)) return choices;
  return [...choices, { value, label }].sort((a, b) => a.value - b.value);
}

function sizeLabel(dataset: DatasetKind, n: number): string {
  return dataset === 'rings'
    ? `${formatInteger(n)} = ${RING_COUNT} × ${formatInteger(n / RING_COUNT)}`
    : formatInteger(n);
}

function sizeChoices(dataset: DatasetKind, n: number): Choice<number>[] {
  const menu = sizeMenu(dataset).map((size) => ({ value: size, label: sizeLabel(dataset, size) }));
  return withValue(menu, n, sizeLabel(dataset, n));
}

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

function threadChoices(threads: number): Choice<number>[] {
  const menu = threadMenu.map((value) => ({
    value,
    label: value === 1 ? '1 (reproducible)' : String(value),
  }));
  return withValue(menu, threads);
}

function epochChoices(epochs: number): Choice<number>[] {
  return withValue(
    epochMenu.map((value) => ({ value, label: formatInteger(value) })),
    epochs,
  );
}

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
  const dim = datasetDimensions[config.dataset] ?? csvDim ?? 2;
  const twoDimensional = dim === 2;

  const changeDataset = (dataset: DatasetKind) => {
    const patch: Partial<ExplorerConfig> = { dataset, n: nearestSize(dataset, config.n) };
    // Data init places each point at its input coordinates: only 2-D data can be used as a layout.
    if (datasetDimensions[dataset] !== 2 && config.init === 'data') patch.init = 'spectral';
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
            choices={sizeChoices(config.dataset, config.n)}
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
        <Slider name="k" value={config.k} onChange={(k) => change({ k })} testId="k-slider" />
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
          choices={epochChoices(config.epochs)}
          onChange={(epochs) => change({ epochs })}
        />
        <Slider
          name="m"
          value={config.m}
          onChange={(m) => change({ m })}
          testId="m-slider"
          hint="applies live"
        />
        <Slider
          name="learningRate"
          value={config.learningRate}
          display={formatThreeDigits(config.learningRate)}
          onChange={(learningRate) => change({ learningRate })}
          testId="lr-slider"
          hint="applies live"
        />
        <Slider
          name="minDist"
          value={config.minDist}
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
          choices={threadChoices(config.threads)}
          onChange={(threads) => change({ threads })}
          testId="threads-select"
          hint="more than 1: Hogwild-style parallel epochs, faster but not reproducible from the seed"
        />
      </fieldset>
    </section>
  );
}
