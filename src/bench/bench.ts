/**
 * `npm run bench`: issue 7's benchmark of src/core in Node, with umap-js 1.4 on the same data.
 * Prints markdown tables to stdout and writes the numbers to bench-results.json (gitignored).
 *
 * Run by vite-node rather than as a Vitest file: it is a program with flags, not a test (no
 * assertions, never part of `npm test`), and vite-node resolves src/core's extensionless imports
 * the way Vite and Vitest do, which plain Node 20 (no type stripping) cannot.
 * Timings are single runs on whatever else the machine is doing; compare ratios within one run.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { gaussianBlobs, paperRing } from '../core/data';
import { startNodeShardThreads } from '../core/testing/shardThreads';
import type { Dataset } from '../core/types';
import { type BenchOptions, parseBenchArgs } from './args';
import { benchCore } from './coreBench';
import { type CaseResult, coreTable, lossTable, targetTable, umapJsTable } from './report';
import { runTargets, type TargetResult } from './targets';
import { benchUmapJs } from './umapJsBench';

const EPOCHS = 500;

const DATASETS: { name: string; make: (n: number) => Dataset }[] = [
  { name: 'ring', make: (n) => paperRing({ n }) },
  { name: 'blobs-50D', make: (n) => gaussianBlobs({ n, dim: 50 }) },
];

function umapJsSkipReason(n: number, options: BenchOptions): string | undefined {
  if (options.umapJsMaxN === 0) return '--no-umap-js';
  if (n > options.umapJsMaxN) {
    return n >= 20_000 ? '≈160 s at 20 000, see README' : `n > --umap-js-max ${options.umapJsMaxN}`;
  }
  return undefined;
}

function runCase(name: string, ds: Dataset, options: BenchOptions): CaseResult {
  const core = benchCore(ds, EPOCHS, options.seed);
  const umapJsSkipped = umapJsSkipReason(ds.n, options);
  const umapJs = umapJsSkipped ? undefined : benchUmapJs(ds, core.knn, EPOCHS, options.seed);
  return { dataset: name, n: ds.n, dim: ds.dim, core, umapJs, umapJsSkipped };
}

async function main(): Promise<void> {
  const options = parseBenchArgs(process.argv.slice(2));
  const cases: CaseResult[] = [];
  for (const n of options.sizes) {
    for (const { name, make } of DATASETS) {
      process.stderr.write(`bench: ${name} n = ${n} …\n`);
      cases.push(runCase(name, make(n), options));
    }
  }
  let targets: TargetResult[] = [];
  if (options.targets) {
    const helpers = options.threads > 1 ? await startNodeShardThreads(options.threads - 1) : undefined;
    targets = runTargets(
      options.seed,
      (r) =>
        process.stderr.write(`bench: ${r.name}, ${r.threads} thread(s): ${(r.ms / 1000).toFixed(1)} s\n`),
      helpers && { threads: options.threads, startHelper: helpers.startHelper },
    );
    await helpers?.close();
  }

  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}`;
  console.log(`## src/core benchmark (k = 15, ${EPOCHS} epochs, m = 5, seed ${options.seed}; ${machine})\n`);
  console.log('### Stages and SGD throughput (updates = edge samples + negative samples)\n');
  console.log(coreTable(cases));
  console.log('\n### Loss evaluation on the final embedding\n');
  console.log(lossTable(cases));
  console.log(
    '\n### umap-js 1.4 on the same data (its optimizer fed our kNN); ratio = umap-js time / ours\n',
  );
  console.log(umapJsTable(cases));
  if (targets.length > 0) {
    console.log('\n### Whole-pipeline targets (issue 7, item 6)\n');
    console.log(targetTable(targets));
  }

  // The kNN arrays are inputs, not results: keep the JSON to numbers a reader compares.
  const json = {
    date: new Date().toISOString(),
    machine,
    epochs: EPOCHS,
    options,
    cases: cases.map(({ core: { knn: _knn, ...core }, ...rest }) => ({ ...rest, core })),
    targets,
  };
  writeFileSync(options.jsonPath, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\n(JSON: ${options.jsonPath})`);
}

await main();
