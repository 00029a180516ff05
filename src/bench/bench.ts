/**
 * `npm run bench`: issue 7's benchmark of src/core in Node, with umap-js 1.4 and Embedding Atlas 0.26
 * (when bench-peers/ is installed: `npm run bench:peers`) on the same data.
 * Prints markdown tables to stdout and writes the numbers to bench-results.json (gitignored).
 *
 * Run by vite-node rather than as a Vitest file: it is a program with flags, not a test (no
 * assertions, never part of `npm test`), and vite-node resolves src/core's extensionless imports
 * the way Vite and Vitest do, which plain Node 20 (no type stripping) cannot.
 * Timings are single runs on whatever else the machine is doing; compare ratios within one run.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { startNodeShardThreads } from '../core/testing/shardThreads';
import { defaultConfig, type ExplorerConfig } from '../engine/config';
import { type BenchOptions, parseBenchArgs } from './args';
import { benchConfig, benchCore } from './coreBench';
import {
  benchEmbeddingAtlas,
  EMBEDDING_ATLAS_SKIPPED,
  type EmbeddingAtlasModule,
  loadEmbeddingAtlas,
  neighbourContrast,
} from './embeddingAtlasBench';
import { runImportTarget } from './importTarget';
import {
  type CaseResult,
  coreTable,
  embeddingAtlasTable,
  lossTable,
  targetTable,
  umapJsTable,
} from './report';
import { runSweepTarget } from './sweepTarget';
import { runTargets, type TargetResult } from './targets';
import { benchUmapJs } from './umapJsBench';

const EPOCHS = 500;

const DATASETS: { name: string; dataset: ExplorerConfig['dataset'] }[] = [
  { name: 'ring', dataset: 'ring' },
  { name: 'blobs-50D', dataset: 'blobs' },
];

function umapJsSkipReason(n: number, options: BenchOptions): string | undefined {
  if (options.umapJsMaxN === 0) return '--no-umap-js';
  if (n > options.umapJsMaxN) {
    return n >= 20_000 ? '≈160 s at 20 000, see README' : `n > --umap-js-max ${options.umapJsMaxN}`;
  }
  return undefined;
}

async function runCase(
  name: string,
  config: ExplorerConfig,
  options: BenchOptions,
  atlas: EmbeddingAtlasModule | string,
): Promise<CaseResult> {
  const { core, dataset, knn, embedding } = benchCore(config);
  const umapJsSkipped = umapJsSkipReason(dataset.n, options);
  const umapJs = umapJsSkipped ? undefined : benchUmapJs(config, dataset, knn);
  const embeddingAtlasSkipped = typeof atlas === 'string' ? atlas : undefined;
  const embeddingAtlas =
    typeof atlas === 'string' ? undefined : await benchEmbeddingAtlas(atlas, config, dataset, knn);
  const contrast = neighbourContrast(embedding, knn);
  return {
    dataset: name,
    n: dataset.n,
    dim: dataset.dim,
    core,
    umapJs,
    umapJsSkipped,
    embeddingAtlas,
    embeddingAtlasSkipped,
    contrast,
  };
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const atlas = options.embeddingAtlas
    ? ((await loadEmbeddingAtlas()) ?? EMBEDDING_ATLAS_SKIPPED)
    : '--no-embedding-atlas';
  if (atlas === EMBEDDING_ATLAS_SKIPPED) process.stderr.write(`bench: Embedding Atlas ${atlas}\n`);
  const cases: CaseResult[] = [];
  for (const n of options.sizes) {
    for (const { name, dataset } of DATASETS) {
      process.stderr.write(`bench: ${name} n = ${n} …\n`);
      cases.push(await runCase(name, benchConfig(dataset, n, EPOCHS, options.seed), options, atlas));
    }
  }
  let targets: TargetResult[] = [];
  if (options.targets) {
    const helpers = options.threads > 1 ? await startNodeShardThreads(options.threads - 1) : undefined;
    targets = runTargets(
      options.seed,
      (r) =>
        process.stderr.write(`bench: ${r.name}, ${r.threads} thread(s): ${(r.ms / 1000).toFixed(1)} s\n`),
      helpers && { maxThreads: options.threads, startHelper: helpers.startHelper },
    );
    await helpers?.close();
    const sweep = await runSweepTarget(options.seed);
    process.stderr.write(`bench: ${sweep.name}: ${(sweep.ms / 1000).toFixed(1)} s\n`);
    targets.push(sweep);
    for (const result of await runImportTarget(options.seed)) {
      process.stderr.write(`bench: ${result.name}: ${(result.ms / 1000).toFixed(1)} s\n`);
      targets.push(result);
    }
  }

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
  const { k, m } = defaultConfig;
  console.log(
    `## src/core benchmark (k = ${k}, ${EPOCHS} epochs, m = ${m}, seed ${options.seed}; ${machine})\n`,
  );
  console.log('### Stages and SGD throughput (updates = edge samples + negative samples)\n');
  console.log(coreTable(cases));
  console.log('\n### Loss evaluation on the final embedding\n');
  console.log(lossTable(cases));
  console.log(
    '\n### umap-js 1.4 on the same data (its optimizer fed our kNN); ratio = umap-js time / ours\n',
  );
  console.log(umapJsTable(cases));
  console.log(
    '\n### Embedding Atlas 0.26 (Rust → WASM, one thread) on the same data; ratio = its time / ours\n',
  );
  console.log(
    'SGD: `createUMAPFromKNN` fed our kNN, then `run()`; end to end: `createUMAP` (its own kNN) + `run()`.',
  );
  console.log(
    'Neighbour contrast: mean kNN-edge length / mean random-pair distance in 2-D (≪ 1: a real layout).\n',
  );
  console.log(embeddingAtlasTable(cases));
  if (targets.length > 0) {
    console.log('\n### Whole-pipeline targets (issue 7, item 6)\n');
    console.log(targetTable(targets));
  }

  const json = { date: new Date().toISOString(), machine, epochs: EPOCHS, options, cases, targets };
  writeFileSync(options.jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\n(JSON: ${options.jsonPath})`);
}

await main();
