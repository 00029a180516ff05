import { useId } from 'react';
import { K_MAX } from '../engine/config';
import { useExplorerStore } from '../state/store';
import { useRunClient } from './runClientContext';

function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  onChange,
  testId,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>
        {label} <output htmlFor={id}>{value}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        data-testid={testId}
        onChange={(event) => onChange(Number(event.target.value))}
      />
    </div>
  );
}

const epochChoices = [200, 500, 750, 1000, 2000, 5000, 10_000];

function EpochsSelect({ value, onChange }: { value: number; onChange: (epochs: number) => void }) {
  const id = useId();
  return (
    <div className="control">
      <label htmlFor={id}>epochs</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {epochChoices.map((epochs) => (
          <option key={epochs} value={epochs}>
            {epochs}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Controls() {
  const client = useRunClient();
  const config = useExplorerStore((state) => state.config);
  const status = useExplorerStore((state) => state.frame?.status);
  const change = (patch: Partial<typeof config>) => void client?.configure({ ...config, ...patch });
  const running = status === 'running';

  return (
    <section className="controls" aria-label="Controls">
      <div className="buttons">
        <button type="button" onClick={() => void (running ? client?.pause() : client?.play())}>
          {running ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => void client?.step(1)}>
          Step
        </button>
        <button type="button" onClick={() => void client?.reset()}>
          Reset
        </button>
      </div>
      <EpochsSelect value={config.epochs} onChange={(epochs) => change({ epochs })} />
      <Slider
        label="neighbours k"
        value={config.k}
        min={2}
        max={K_MAX}
        onChange={(k) => change({ k })}
        testId="k-slider"
      />
      <Slider
        label="negative samples m"
        value={config.m}
        min={1}
        max={30}
        onChange={(m) => change({ m })}
        testId="m-slider"
      />
    </section>
  );
}
