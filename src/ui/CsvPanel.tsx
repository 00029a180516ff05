import { useCallback, useEffect, useId, useState } from 'react';
import type { CsvInspection, DroppableKind } from '../engine/csv';
import type { CsvSummary } from '../engine/csvSession';
import { formatCount } from '../engine/messages';
import { useExplorerStore } from '../state/store';
import { type Choices, CsvChooser } from './CsvChooser';
import { knnTimeNote } from './knnTimeNote';
import { useRunClient } from './runClientContext';
import { usePageDrop } from './usePageDrop';

/** Progress appears only for work slower than this, so quick loads do not flicker. */
const SHOW_PROGRESS_AFTER_MS = 1000;

interface Problem {
  message: string;
  /** Rows whose dropping fixes the file (an InvalidValuesError). */
  droppableRows?: number[];
  /** Which rows those are: with a cell that is not a number, or all zero under cosine. */
  droppable?: DroppableKind;
}

/** Which offered row drops the user accepted, for the next load. */
interface Drops {
  dropInvalidRows: boolean;
  dropZeroRows: boolean;
}

const NO_DROPS: Drops = { dropInvalidRows: false, dropZeroRows: false };

/** True once `busy` has lasted SHOW_PROGRESS_AFTER_MS. */
function useSlow(busy: boolean): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), SHOW_PROGRESS_AFTER_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  return slow;
}

/**
 * Your own data: pick or drop a CSV, choose its feature and label columns, embed it. The worker
 * parses the file; a bad file leaves the current run untouched and says what is wrong.
 */
export function CsvPanel() {
  const client = useRunClient();
  const progress = useExplorerStore((state) => (state.progress?.stage === 'csv' ? state.progress : null));
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<CsvInspection | null>(null);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [summary, setSummary] = useState<CsvSummary | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<'reading' | 'loading' | null>(null);
  const [drops, setDrops] = useState<Drops>(NO_DROPS);
  const slow = useSlow(busy !== null);
  const inputId = useId();

  const chooseFile = useCallback(
    async (chosen: File) => {
      if (!client) return;
      setFile(chosen);
      setInspection(null);
      setChoices(null);
      setSummary(null);
      setProblem(null);
      setBusy('reading');
      try {
        const result = await client.inspectCsv(chosen);
        if (!result.ok) {
          setProblem({ message: result.message });
          return;
        }
        const found = result.value;
        setInspection(found);
        setChoices({
          features: found.suggestedFeatureColumns,
          label: found.suggestedLabelColumn,
          standardize: false,
          metric: 'euclidean',
        });
      } catch (error) {
        setProblem({
          message: `The file could not be read: ${error instanceof Error ? error.message : error}`,
        });
      } finally {
        setBusy(null);
      }
    },
    [client],
  );
  usePageDrop(chooseFile);

  const embed = async (requested: Drops) => {
    if (!client || !file || !choices) return;
    const config = useExplorerStore.getState().config;
    setProblem(null);
    setSummary(null);
    setDrops(requested);
    setBusy('loading');
    try {
      const result = await client.loadCsv(file, {
        name: file.name,
        k: config.k,
        seed: config.seed,
        featureColumns: choices.features,
        labelColumn: choices.label,
        standardize: choices.standardize,
        metric: choices.metric,
        ...requested,
      });
      if (!result.ok) {
        setProblem({
          message: result.message,
          droppableRows: result.droppableRows,
          droppable: result.droppable,
        });
        return;
      }
      setSummary(result.value);
      const { dim } = result.value;
      await client.configure({
        ...config,
        dataset: 'csv',
        metric: choices.metric,
        init: dim === 2 ? config.init : 'spectral',
      });
    } catch (error) {
      setProblem({
        message: `The file could not be read: ${error instanceof Error ? error.message : error}`,
      });
    } finally {
      setBusy(null);
    }
  };

  const estimate =
    inspection && choices ? knnTimeNote(inspection.estimatedRows, choices.features.length) : null;
  const update = (patch: Partial<Choices>) =>
    setChoices((current) => (current ? { ...current, ...patch } : current));
  const toggleFeature = (index: number, on: boolean) =>
    update({
      features: on
        ? [...(choices?.features ?? []), index].sort((a, b) => a - b)
        : (choices?.features ?? []).filter((c) => c !== index),
    });

  return (
    <section className="controls csv-panel" aria-label="Your CSV">
      <fieldset>
        <legend>Your data</legend>
        <div className="control">
          <label htmlFor={inputId}>Load CSV</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            disabled={!client || busy !== null}
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              event.target.value = '';
              if (chosen) void chooseFile(chosen);
            }}
          />
          <small className="control-hint">or drop a file anywhere on the page</small>
        </div>

        {file && <p className="csv-file">{file.name}</p>}
        {inspection && choices && (
          <CsvChooser
            inspection={inspection}
            choices={choices}
            onToggleFeature={toggleFeature}
            onChange={update}
          />
        )}
        {estimate && <p className="control-hint">{estimate}</p>}
        {inspection && choices && (
          <button
            type="button"
            disabled={busy !== null || choices.features.length === 0}
            onClick={() => void embed(NO_DROPS)}
          >
            Embed
          </button>
        )}

        {busy && slow && (
          <div role="status" className="status">
            {busy === 'reading' ? 'Reading the file…' : 'Parsing the file'}
            {progress && ` ${Math.round(100 * progress.fraction)} %`}
            {busy === 'loading' && (
              <button type="button" onClick={() => void client?.cancel()}>
                Cancel
              </button>
            )}
          </div>
        )}

        {problem && (
          <div role="alert" className="error">
            <p>{problem.message}</p>
            {problem.droppableRows && problem.droppableRows.length > 0 && (
              <button
                type="button"
                disabled={busy !== null}
                onClick={() =>
                  void embed(
                    problem.droppable === 'zero'
                      ? { ...drops, dropZeroRows: true }
                      : { ...drops, dropInvalidRows: true },
                  )
                }
              >
                Drop{' '}
                {formatCount(
                  problem.droppableRows.length,
                  problem.droppable === 'zero' ? 'all-zero row' : 'row',
                )}
              </button>
            )}
          </div>
        )}

        {inspection && inspection.notices.length > 0 && !summary && <Notices notices={inspection.notices} />}
        {summary && (
          <>
            <p role="status" className="status">
              Loaded {formatCount(summary.n, 'row')} × {formatCount(summary.dim, 'column')}.
            </p>
            <Notices notices={summary.notices} />
          </>
        )}
      </fieldset>
    </section>
  );
}

function Notices({ notices }: { notices: string[] }) {
  if (notices.length === 0) return null;
  return (
    <ul className="csv-notices" aria-label="Notices about the file">
      {notices.map((notice) => (
        <li key={notice}>{notice}</li>
      ))}
    </ul>
  );
}
