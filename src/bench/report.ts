/** Markdown tables of the bench results, for the terminal and the README's performance section. */
import type { CoreResult } from './coreBench';
import type { EmbeddingAtlasResult } from './embeddingAtlasBench';
import type { TargetResult } from './targets';
import type { UmapJsResult } from './umapJsBench';

export interface CaseResult {
  dataset: string;
  n: number;
  dim: number;
  core: CoreResult;
  umapJs?: UmapJsResult;
  /** Why umap-js did not run, when it did not. */
  umapJsSkipped?: string;
  embeddingAtlas?: EmbeddingAtlasResult;
  /** Why Embedding Atlas did not run, when it did not. */
  embeddingAtlasSkipped?: string;
  /** `neighbourContrast` of our final embedding (default backend), beside Embedding Atlas's. */
  contrast?: number;
}

const seconds = (ms: number | undefined): string => (ms === undefined ? '–' : `${(ms / 1000).toFixed(2)} s`);
const millions = (perSecond: number): string => `${(perSecond / 1e6).toFixed(1)} M/s`;
const ratio = (value: number): string => `${value.toFixed(1)}×`;
/** Extra time as a signed percentage; negative values are timing noise on a busy machine. */
const percentChange = (timeRatio: number): string => {
  const percent = Math.round((timeRatio - 1) * 100);
  return `${percent >= 0 ? '+' : '−'}${Math.abs(percent)} %`;
};

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export function coreTable(cases: CaseResult[]): string {
  return table(
    [
      'data',
      'n',
      'kNN',
      'graph',
      'init',
      'optimize (wasm)',
      'SGD wasm',
      'SGD wasm + loss',
      'loss tracking cost (wasm)',
      'SGD TS',
      'SGD TS + loss',
      'total',
      'peak RSS',
    ],
    cases.map(({ dataset, n, core }) => [
      dataset,
      n.toLocaleString('en-US'),
      seconds(core.knnMs),
      seconds(core.graphMs),
      seconds(core.initMs),
      seconds(core.optimize.ms),
      millions(core.optimize.updatesPerSecond),
      millions(core.optimizeTracked.updatesPerSecond),
      percentChange(core.optimizeTracked.ms / core.optimize.ms),
      millions(core.optimizeTypescript.updatesPerSecond),
      millions(core.optimizeTypescriptTracked.updatesPerSecond),
      seconds(core.totalMs),
      `${core.peakRssMb.toFixed(0)} MB`,
    ]),
  );
}

export function lossTable(cases: CaseResult[]): string {
  return table(
    ['data', 'n', 'exact loss', 'far-field loss', 'far-field rel. error'],
    cases.map(({ dataset, n, core: { loss } }) => [
      dataset,
      n.toLocaleString('en-US'),
      seconds(loss.exactMs),
      seconds(loss.farFieldMs),
      loss.farFieldRelativeError === undefined ? '–' : loss.farFieldRelativeError.toExponential(1),
    ]),
  );
}

export function umapJsTable(cases: CaseResult[]): string {
  return table(
    [
      'data',
      'n',
      'umap-js kNN',
      'umap-js graph+init',
      'umap-js optimize',
      'umap-js SGD',
      'umap-js total',
      'umap-js peak RSS',
      'kNN ratio',
      'SGD ratio (wasm)',
      'SGD ratio (TS)',
      'end-to-end ratio',
    ],
    cases.map(({ dataset, n, core, umapJs, umapJsSkipped }) => {
      const head = [dataset, n.toLocaleString('en-US')];
      if (!umapJs) return [...head, `skipped (${umapJsSkipped})`, ...Array<string>(9).fill('')];
      return [
        ...head,
        seconds(umapJs.knnMs),
        seconds(umapJs.graphAndInitMs),
        seconds(umapJs.optimizeMs),
        millions(umapJs.updatesPerSecond),
        seconds(umapJs.totalMs),
        `${umapJs.peakRssMb.toFixed(0)} MB`,
        ratio(umapJs.knnMs / core.knnMs),
        ratio(core.optimize.updatesPerSecond / umapJs.updatesPerSecond),
        ratio(core.optimizeTypescript.updatesPerSecond / umapJs.updatesPerSecond),
        ratio(umapJs.totalMs / core.totalMs),
      ];
    }),
  );
}

/** Its time over ours per stage: above 1 means Embedding Atlas is slower. */
export function embeddingAtlasTable(cases: CaseResult[]): string {
  return table(
    [
      'data',
      'n',
      'EA graph+init (our kNN)',
      'EA SGD',
      'EA epochs',
      'EA kNN+graph+init (own kNN)',
      'EA total',
      'EA peak RSS',
      'neighbour contrast EA / ours',
      'graph+init ratio',
      'SGD ratio (wasm)',
      'SGD ratio (TS)',
      'end-to-end ratio',
    ],
    cases.map(({ dataset, n, core, embeddingAtlas: atlas, embeddingAtlasSkipped, contrast }) => {
      const head = [dataset, n.toLocaleString('en-US')];
      if (!atlas) return [...head, `skipped (${embeddingAtlasSkipped})`, ...Array<string>(10).fill('')];
      return [
        ...head,
        seconds(atlas.graphAndInitMs),
        seconds(atlas.optimizeMs),
        String(atlas.epochs),
        seconds(atlas.ownKnnGraphAndInitMs),
        seconds(atlas.totalMs),
        `${atlas.peakRssMb.toFixed(0)} MB`,
        `${atlas.contrast.toFixed(3)} / ${contrast?.toFixed(3) ?? '–'}`,
        ratio(atlas.graphAndInitMs / (core.graphMs + core.initMs)),
        ratio(atlas.optimizeMs / core.optimize.ms),
        ratio(atlas.optimizeMs / core.optimizeTypescript.ms),
        ratio(atlas.totalMs / core.totalMs),
      ];
    }),
  );
}

export function targetTable(results: TargetResult[]): string {
  return table(
    ['target', 'backend', 'threads', 'time', 'budget', 'met', 'peak RSS'],
    results.map((r) => [
      r.name,
      r.backend,
      String(r.threads),
      seconds(r.ms),
      seconds(r.budgetMs),
      r.met ? 'yes' : 'no',
      `${r.peakRssMb.toFixed(0)} MB`,
    ]),
  );
}
