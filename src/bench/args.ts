/** Command-line options of `npm run bench` (see bench.ts for what each measures). */

export interface BenchOptions {
  /** Point counts to measure, for both datasets. */
  sizes: number[];
  /** Largest n at which umap-js runs; 0 skips it entirely (`--no-umap-js`). */
  umapJsMaxN: number;
  /** Compare with Embedding Atlas when bench-peers/ is installed (`--no-embedding-atlas` skips it). */
  embeddingAtlas: boolean;
  /** Also measure issue 7's whole-pipeline targets (slow). */
  targets: boolean;
  /** The targets also run with this many threads (parallel epochs) when above 1. */
  threads: number;
  /** Where the JSON goes. */
  jsonPath: string;
  seed: number;
}

export const FULL_SIZES = [1000, 5000, 20_000];
export const QUICK_SIZES = [1000, 5000];
/** umap-js needs ≈160 s and ≈1 GB at n = 20 000, so by default it stops below that. */
export const DEFAULT_UMAP_JS_MAX_N = 5000;

export const USAGE = `npm run bench -- [options]
  --quick             n = 1 000 and 5 000 only
  --sizes 1000,20000  choose the point counts
  --no-umap-js        skip the umap-js comparison
  --umap-js-max N     run umap-js up to n = N (default ${DEFAULT_UMAP_JS_MAX_N})
  --no-embedding-atlas  skip Embedding Atlas (installed apart: npm run bench:peers)
  --targets           also run the whole-pipeline targets (20 000 blobs, Fig. 1b, 70 000 × 50-D)
  --threads N         the targets also on N threads, parallel epochs (default 2; 1 skips)
  --json PATH         JSON output (default bench-results.json)
  --seed S            seed of every stage (default 0)`;

function positiveInteger(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${flag} needs a whole number, got "${text}"\n${USAGE}`);
  return value;
}

/** Parses `argv` (process.argv without node and the runner); unknown flags throw with the usage. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = {
    sizes: FULL_SIZES,
    umapJsMaxN: DEFAULT_UMAP_JS_MAX_N,
    embeddingAtlas: true,
    targets: false,
    threads: 2,
    jsonPath: 'bench-results.json',
    seed: 0,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    switch (flag) {
      case '--quick':
        options.sizes = QUICK_SIZES;
        break;
      case '--sizes':
        options.sizes = (argv[++i] ?? '').split(',').map((text) => positiveInteger('--sizes', text.trim()));
        break;
      case '--no-umap-js':
        options.umapJsMaxN = 0;
        break;
      case '--umap-js-max':
        options.umapJsMaxN = positiveInteger('--umap-js-max', argv[++i]);
        break;
      case '--no-embedding-atlas':
        options.embeddingAtlas = false;
        break;
      case '--targets':
        options.targets = true;
        break;
      case '--threads':
        options.threads = positiveInteger('--threads', argv[++i]);
        break;
      case '--json':
        options.jsonPath = argv[++i] ?? options.jsonPath;
        break;
      case '--seed':
        options.seed = positiveInteger('--seed', argv[++i]);
        break;
      case '--help':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        // The runner leaves the script's own path in argv; anything else is a typo.
        if (!flag.endsWith('.ts')) throw new Error(`unknown option ${flag}\n${USAGE}`);
    }
  }
  return options;
}
