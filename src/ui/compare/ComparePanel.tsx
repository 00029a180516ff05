import { useEffect, useState } from 'react';
import { createExplorerStore, type ExplorerStore, useExplorerStore } from '../../state/store';
import { type RunClient, startRunClient } from '../../state/workerClient';
import { formatInteger, formatThreeDigits } from '../format';
import { useRunClient } from '../runClientContext';
import { CompareLossChart } from './CompareLossChart';
import { SharedScatterPair } from './SharedScatterPair';
import { type VariantId, variantById, variants } from './variants';

/** Compare mode (issue 5, item 8): a second run B, differing from the main run A in one setting. */
export function ComparePanel() {
  const [on, setOn] = useState(false);
  return (
    <section className="compare-panel" aria-label="Compare">
      <button type="button" aria-pressed={on} onClick={() => setOn((value) => !value)}>
        Compare
      </button>{' '}
      <span className="chart-note">
        {on ? 'Run B follows A with one change.' : 'Run a second configuration side by side.'}
      </span>
      {on && <CompareRuns />}
    </section>
  );
}

/** Mounted while compare is on: owns B's store and worker (unmounting terminates the worker). */
function CompareRuns() {
  const clientA = useRunClient();
  const [storeB] = useState(createExplorerStore);
  const [clientB, setClientB] = useState<RunClient | null>(null);
  const [variantId, setVariantId] = useState<VariantId>('corrected');
  const variant = variantById(variantId);
  const configA = useExplorerStore((state) => state.config);
  const statusA = useExplorerStore((state) => state.frame?.status);
  const statusB = storeB((state) => state.frame?.status);
  const nEpochs = useExplorerStore((state) => state.frame?.nEpochs ?? state.config.epochs);
  // B's worker has no copy of a loaded CSV: it can follow generated datasets and the digits only.
  const followable = configA.dataset !== 'csv';

  useEffect(() => {
    const client = startRunClient(storeB);
    setClientB(client);
    return () => client.dispose();
  }, [storeB]);

  // B follows A's configuration with the chosen change; if A is running, B starts running too.
  useEffect(() => {
    if (!clientB || !followable) return;
    // A's size was confirmed (or needed no confirmation) when A started: B does not ask again.
    void clientB.configure(variant.apply(configA), { confirmed: true }).then(() => {
      if (useExplorerStore.getState().frame?.status === 'running') void clientB.play();
    });
  }, [clientB, configA, variant, followable]);

  // A's own Play/Pause (the controls) carries over to B: the two runs advance together.
  useEffect(() => {
    if (!clientB) return;
    return useExplorerStore.subscribe((state, previous) => {
      const now = state.frame?.status;
      const before = previous.frame?.status;
      if (now === before) return;
      if (now === 'running') void clientB.play();
      else if (now === 'paused' && before === 'running') void clientB.pause();
    });
  }, [clientB]);

  const running = statusA === 'running' || statusB === 'running';
  const playPause = () => {
    if (running) {
      void clientA?.pause();
      void clientB?.pause();
    } else {
      void clientA?.play();
      void clientB?.play();
    }
  };

  return (
    <div className="compare-runs" data-testid="compare-b">
      <div className="compare-toolbar">
        <label>
          B differs from A by{' '}
          <select value={variantId} onChange={(event) => setVariantId(event.target.value as VariantId)}>
            {variants.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={playPause} disabled={!clientA || !clientB}>
          {running ? 'Pause both' : 'Play both'}
        </button>
      </div>
      {!followable && (
        <p role="alert" className="error">
          Compare needs a generated dataset or the digits: run B cannot load a CSV file.
        </p>
      )}
      {followable && variant.setting(variant.apply(configA)) === variant.setting(configA) && (
        <p className="chart-note">A already uses {variant.label}: the two runs are the same.</p>
      )}
      <SharedScatterPair
        a={useExplorerStore}
        b={storeB}
        captionA={
          <RunCaption
            store={useExplorerStore}
            name="A"
            title={`current config (${variant.setting(configA)})`}
          />
        }
        captionB={
          <RunCaption
            store={storeB}
            name="B"
            title={`${variant.label} (${variant.setting(variant.apply(configA))})`}
          />
        }
      />
      <p className="chart-note">
        Both plots share one scale: the window holds both embeddings, so sizes compare directly.
      </p>
      <CompareLossChart a={useExplorerStore} b={storeB} nEpochs={nEpochs} />
    </div>
  );
}

/** A run's name, what it is, its epoch and (rings) the contraction ratio. */
function RunCaption({ store, name, title }: { store: ExplorerStore; name: string; title: string }) {
  const epoch = store((state) => state.frame?.epoch);
  const epochs = store((state) => state.frame?.nEpochs);
  const thickness = store((state) => state.frame?.thickness);
  const inputThickness = store((state) => state.runInfo?.inputThickness);
  const ratio = thickness !== undefined && inputThickness ? thickness / inputThickness : undefined;
  return (
    <span className="compare-caption" data-testid={`compare-label-${name.toLowerCase()}`} data-epoch={epoch}>
      <b>{name}</b>: {title}
      <br />
      epoch {epoch === undefined ? '–' : formatInteger(epoch)}
      {epochs !== undefined && ` / ${formatInteger(epochs)}`}
      {ratio !== undefined && ` · ring thickness / input ${formatThreeDigits(ratio)}`}
    </span>
  );
}
