/**
 * The datasets loaded from outside the generators: the bundled MNIST digits and the latest CSV,
 * each kept while the other is in use, so that a configuration names either (pipeline/dataset.ts).
 */
import { UserError } from '../core/errors';
import type { Cancellation } from './cancellation';
import type { ExplorerConfig } from './config';
import { type CsvLoadRequest, inspectCsvResult, loadCsvResult } from './csvSession';
import type { StageProgressReport } from './frame';
import { decodeDigits } from './mnistDigits';
import { type ExternalDataset, MNIST_ID } from './pipeline';

/** `cancellation` and `onProgress` (stage 'csv') serve CSV loads. */
export function createDataSources(
  cancellation: Cancellation,
  onProgress: (progress: StageProgressReport) => void = () => {},
) {
  let digits: ExternalDataset | null = null;
  let csv: ExternalDataset | null = null;
  return {
    /** Fetches and decodes the bundled digits (7.9 MB → 31 MB of float32) for 'mnist' configurations; answers with their size. */
    async loadBundledDigits(url: string): Promise<{ n: number; dim: number }> {
      const response = await fetch(url);
      if (!response.ok) {
        throw new UserError(`The MNIST digits could not be fetched (HTTP ${response.status} for ${url}).`);
      }
      const dataset = decodeDigits(await response.arrayBuffer());
      digits = { id: MNIST_ID, dataset };
      return { n: dataset.n, dim: dataset.dim };
    },
    /** The column chooser's data. */
    inspectCsv: inspectCsvResult,
    /**
     * Parses a file (progress as stage 'csv', cancellable) into the dataset of 'csv' configurations,
     * replacing the previous one only on success.
     */
    loadCsv(bytes: ArrayBuffer, request: CsvLoadRequest) {
      const shouldCancel = cancellation.begin();
      const accept = (loaded: ExternalDataset) => {
        csv = loaded;
      };
      return loadCsvResult(bytes, request, accept, (fraction) => {
        onProgress({ stage: 'csv', fraction });
        return !shouldCancel();
      });
    },
    /** The loaded dataset `config` names (the digits for 'mnist', the CSV for 'csv'); null for a generated one. */
    externalFor(config: ExplorerConfig): ExternalDataset | null {
      if (config.dataset === 'mnist') return digits;
      if (config.dataset === 'csv') return csv;
      return null;
    },
    /** The loaded CSV's SHA-256: another file under the same configuration is another dataset (config.ts stageKeys). */
    get csvId(): string | undefined {
      return csv?.id;
    },
  };
}
