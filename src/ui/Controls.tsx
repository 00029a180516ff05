import { useExplorerStore } from '../state/store';
import { DatasetSelect, InitSelect, SizeSelect } from './controls/DataControls';
import { NumberField, ParameterCheckbox } from './controls/ParameterFields';
import { ChoiceSelect, MenuSelect } from './controls/ParameterSelects';
import { ParameterSlider } from './controls/ParameterSlider';
import { useRunClient } from './runClientContext';

/** Threads: the menu says which choice reproduces a run from its seed. */
const threadLabel = (threads: number) => (threads === 1 ? '1 (reproducible)' : String(threads));

/**
 * The run's controls: one per run parameter, laid out in the pipeline's groups; each takes its
 * label, tooltip, range or menu from the parameter registry (engine/parameters).
 */
export function Controls() {
  const client = useRunClient();
  const running = useExplorerStore((state) => state.frame?.status) === 'running';
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
        <DatasetSelect />
        <SizeSelect />
        <NumberField name="seed" />
        <ChoiceSelect name="metric" />
      </fieldset>

      <fieldset>
        <legend>Input similarities</legend>
        <ParameterSlider name="k" />
        <ChoiceSelect name="similarity" />
      </fieldset>

      <fieldset>
        <legend>Optimizer</legend>
        <InitSelect />
        <MenuSelect name="epochs" />
        <ParameterSlider name="m" />
        {/* The e2e tests' name for it, from before the registry. */}
        <ParameterSlider name="learningRate" testId="lr-slider" />
        <ParameterSlider name="minDist" />
        <ChoiceSelect name="sampling" />
        <ParameterCheckbox name="pushNegatives" />
        <MenuSelect name="threads" optionLabel={threadLabel} />
      </fieldset>

      <fieldset>
        <legend>Loss (t-SNE ↔ UMAP)</legend>
        <ChoiceSelect name="loss" />
        <ParameterSlider name="spectrum" />
        <ChoiceSelect name="normalization" />
        <ParameterSlider name="exaggeration" />
      </fieldset>
    </section>
  );
}
