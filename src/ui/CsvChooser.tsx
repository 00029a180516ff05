import { useId } from 'react';
import type { Metric } from '../core/types';
import type { CsvInspection } from '../engine/csv';

/** What the user chose for the file: feature columns, label column, standardisation and metric. */
export interface Choices {
  features: number[];
  label: number | null;
  standardize: boolean;
  metric: Metric;
}

/**
 * A checkbox per column (enabled for columns holding numbers), each described by what the chooser
 * decided about it and why; the label select (any column); standardisation and the metric.
 */
export function CsvChooser({
  inspection,
  choices,
  onToggleFeature,
  onChange,
}: {
  inspection: CsvInspection;
  choices: Choices;
  onToggleFeature: (index: number, on: boolean) => void;
  onChange: (patch: Partial<Choices>) => void;
}) {
  const labelId = useId();
  const standardizeId = useId();
  const metricId = useId();
  const numberingId = useId();
  const anySelectable = inspection.columns.some((column) => column.selectable);
  return (
    <>
      <fieldset className="csv-features">
        <legend>Feature columns</legend>
        {!anySelectable && <p>No column holds numbers.</p>}
        <small id={numberingId} className="control-hint">
          Next to each column: what the app made of it. {inspection.rowNumbering}
        </small>
        {inspection.columns.map((column) => {
          const id = `${labelId}-f${column.index}`;
          const decisionId = `${id}-decision`;
          const isLabel = choices.label === column.index;
          const note =
            isLabel && column.suggestedRole !== 'label'
              ? 'Chosen as the label. '
              : !isLabel && column.suggestedRole === 'label'
                ? 'Not the label now. '
                : '';
          const describedBy = /\brow \d/.test(column.decision) ? `${decisionId} ${numberingId}` : decisionId;
          return (
            <div className="control control-checkbox" key={column.index}>
              <input
                id={id}
                type="checkbox"
                checked={choices.features.includes(column.index)}
                disabled={!column.selectable || isLabel}
                aria-describedby={describedBy}
                onChange={(event) => onToggleFeature(column.index, event.target.checked)}
              />
              <label htmlFor={id}>{column.name}</label>
              <small id={decisionId} className="control-hint" style={{ flexBasis: '100%' }}>
                {note}
                {column.decision}
              </small>
            </div>
          );
        })}
      </fieldset>
      <div className="control">
        <label htmlFor={labelId}>Label column</label>
        <select
          id={labelId}
          value={choices.label === null ? '' : String(choices.label)}
          onChange={(event) => {
            const label = event.target.value === '' ? null : Number(event.target.value);
            onChange({ label, features: choices.features.filter((c) => c !== label) });
          }}
        >
          <option value="">(none)</option>
          {inspection.columns.map((column) => (
            <option key={column.index} value={String(column.index)}>
              {column.name}
            </option>
          ))}
        </select>
      </div>
      <div className="control control-checkbox">
        <input
          id={standardizeId}
          type="checkbox"
          checked={choices.standardize}
          onChange={(event) => onChange({ standardize: event.target.checked })}
        />
        <label htmlFor={standardizeId}>standardise columns (zero mean, unit variance)</label>
      </div>
      <div className="control">
        <label htmlFor={metricId}>metric</label>
        <select
          id={metricId}
          value={choices.metric}
          onChange={(event) => onChange({ metric: event.target.value as Metric })}
        >
          <option value="euclidean">euclidean</option>
          <option value="cosine">cosine</option>
        </select>
      </div>
    </>
  );
}
