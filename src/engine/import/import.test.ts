/**
 * The graph and embedding of a UMAP made by umap-learn 0.5.3 (fixtures/make_fixtures.py, on
 * scikit-learn's UCI digits), read from the three files its users save: the same μ from each (to
 * float32 rounding), the degrees and Σμ Python computed, and the purported and effective losses of
 * their layout (eq. 6, eq. 12) equal to the ones Python computed from the same arrays.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors';
import { degrees as degreesOf } from '../../core/graph';
import { evaluateLosses } from '../../core/losses';
import type { Graph } from '../../core/types';
import { auditUmap, randomLayoutLike } from './audit';
import { continueImported } from './continueImported';
import { graphNeighbourRecall } from './graphRecall';
import { type H5adContents, readH5ad } from './h5ad';
import { parseMatrixMarket } from './matrixMarket';
import { readUmapFiles } from './readUmapFiles';
import { parseScipyNpz } from './scipyNpz';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
const reference = JSON.parse(new TextDecoder().decode(fixture('digits_reference.json'))) as {
  n: number;
  nnz: number;
  muSum: number;
  degrees: number[];
  a: number;
  b: number;
  m: number;
  losses: { attractive: number; purportedRepulsive: number; effectiveRepulsive: number };
  nuStarHistogram: number[];
  graphRecall: number;
};

function csvEmbedding(): Float32Array {
  const rows = new TextDecoder().decode(fixture('digits_umap.csv')).trim().split('\n').slice(1);
  return Float32Array.from(rows.flatMap((row) => row.split(',').map(Number)));
}

/** The same pairs, and μ equal to float32 rounding (one unit in the last place: mmwrite prints decimals). */
function expectSameGraph(graph: Graph, other: Graph) {
  expect(graph.n).toBe(other.n);
  expect(Array.from(graph.rowPtr)).toEqual(Array.from(other.rowPtr));
  expect(Array.from(graph.cols)).toEqual(Array.from(other.cols));
  let worst = 0;
  for (let p = 0; p < graph.values.length; p++) {
    worst = Math.max(worst, Math.abs(graph.values[p] - other.values[p]) / other.values[p]);
  }
  expect(worst).toBeLessThanOrEqual(2 ** -23);
}

describe('a UMAP from umap-learn, read from the files its users save', () => {
  let h5ad: H5adContents;
  let npz: Graph;
  let mtx: Graph;
  beforeAll(async () => {
    h5ad = await readH5ad(fixture('digits.h5ad'), 'digits.h5ad');
    npz = await parseScipyNpz(fixture('digits_graph.npz'), 'digits_graph.npz');
    mtx = parseMatrixMarket(new TextDecoder().decode(fixture('digits_graph.mtx')), 'digits_graph.mtx');
  });

  it('gives the same μ from the .h5ad, the .npz and the .mtx, with n, nnz and Σμ as Python counted', () => {
    expectSameGraph(npz, h5ad.graph);
    expectSameGraph(mtx, h5ad.graph);
    expect(h5ad.graph.n).toBe(reference.n);
    expect(h5ad.graph.rowPtr[reference.n]).toBe(reference.nnz);
    const sum = h5ad.graph.values.reduce((total, value) => total + value, 0);
    expect(sum / reference.muSum).toBeCloseTo(1, 9);
  });

  it("gives every point's degree dᵢ = Σⱼ μᵢⱼ as Python did", () => {
    const degrees = degreesOf(h5ad.graph);
    let worst = 0;
    for (let i = 0; i < reference.n; i++)
      worst = Math.max(worst, Math.abs(degrees[i] - reference.degrees[i]));
    expect(worst).toBeLessThan(1e-5);
  });

  it('reads the embedding (obsm/X_umap, equal to the CSV) and the digit labels', () => {
    expect(h5ad.embeddings.map((embedding) => embedding.name)).toEqual(['obsm/X_umap']);
    expect(Array.from(h5ad.embeddings[0].points)).toEqual(Array.from(csvEmbedding()));
    expect(h5ad.labels.map((column) => column.name)).toEqual(['digit']);
    expect(h5ad.labels[0].names).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(new Set(h5ad.labels[0].codes).size).toBe(10);
    expect(h5ad.features).toMatchObject({ name: 'X', dim: 64 });
  });

  it('scores their layout as Python did: eq. 6 and eq. 12 (exact, all n² ordered pairs)', () => {
    const { purported, effective } = evaluateLosses(h5ad.graph, h5ad.embeddings[0].points, {
      a: reference.a,
      b: reference.b,
      m: reference.m,
      degrees: degreesOf(h5ad.graph),
      approximate: false,
    });
    expect(purported.attractive / reference.losses.attractive).toBeCloseTo(1, 6);
    expect(purported.repulsive / reference.losses.purportedRepulsive).toBeCloseTo(1, 6);
    expect(effective.repulsive / reference.losses.effectiveRepulsive).toBeCloseTo(1, 6);
  });
});

describe('bad files say exactly what is wrong', () => {
  const mtx =
    (body: string, header = 'real general') =>
    () =>
      parseMatrixMarket(`%%MatrixMarket matrix coordinate ${header}\n${body}`, 'g.mtx');

  it.each([
    ['not square', mtx('3 4 1\n1 2 0.5'), /3 × 4; μ must be square/],
    ['not symmetric', mtx('3 3 1\n1 2 0.5'), /not symmetric: μ\(0, 1\) = 0.5 but μ\(1, 0\) = 0/],
    [
      'a negative weight',
      mtx('2 2 2\n1 2 -0.5\n2 1 -0.5'),
      /μ\(0, 1\) = -0.5; UMAP's similarities lie in \[0, 1\]/,
    ],
    ['a weight above 1', mtx('2 2 1\n2 1 1.5', 'real symmetric'), /= 1.5; UMAP's similarities/],
    ['NaN', mtx('2 2 1\n2 1 nan', 'real symmetric'), /is NaN/],
    ['an entry outside', mtx('2 2 1\n3 1 0.5'), /outside the 2 × 2 matrix/],
    [
      'a dense array',
      () => parseMatrixMarket('%%MatrixMarket matrix array real general\n2 2\n1\n0\n0\n1', 'g.mtx'),
      /dense/,
    ],
    ['a cut-off file', mtx('2 2 3\n1 2 0.5\n2 1 0.5'), /entry 3 of 3 is missing/],
  ])('%s', (_, read, message) => {
    expect(read).toThrow(UserError);
    expect(read).toThrow(message);
  });

  it('a file that is no HDF5, no ZIP', async () => {
    await expect(readH5ad(new TextEncoder().encode('x,y\n1,2'), 'a.h5ad')).rejects.toThrow(
      /not an HDF5 file/,
    );
    await expect(parseScipyNpz(new TextEncoder().encode('x,y\n1,2'), 'a.npz')).rejects.toThrow(
      /not a ZIP archive/,
    );
  });

  it('an .h5ad without a graph says how to make one', async () => {
    const { default: h5wasm } = await import('h5wasm');
    const { FS } = await h5wasm.ready;
    const file = new h5wasm.File('/no-graph.h5ad', 'w');
    file.create_group('obsm');
    file.close();
    const bytes = FS.readFile('/no-graph.h5ad') as Uint8Array;
    await expect(readH5ad(bytes, 'cells.h5ad')).rejects.toThrow(
      /no obsp\/connectivities: compute the graph first/,
    );
  });
});

describe('the audit of their UMAP', () => {
  it("puts their layout's numbers beside the diverged and a random layout, as Python scored it", async () => {
    const { graph, embeddings } = await readH5ad(fixture('digits.h5ad'), 'digits.h5ad');
    const audit = auditUmap(graph, embeddings[0].points, { minDist: 0.1, m: reference.m, seed: 1 });
    expect(audit.a).toBeCloseTo(reference.a, 6);
    expect(audit.b).toBeCloseTo(reference.b, 6);
    expect(audit.approximate).toBe(false);
    expect(audit.losses.theirs.effective.repulsive / reference.losses.effectiveRepulsive).toBeCloseTo(1, 5);
    // Table 1's pattern: the diverged layout wins the purported loss, their layout the effective one.
    const { theirs, diverged, random } = audit.losses;
    expect(diverged.purported.total).toBeLessThan(theirs.purported.total);
    expect(theirs.effective.total).toBeLessThan(diverged.effective.total);
    expect(theirs.effective.total).toBeLessThan(random.effective.total);
    // §5: umap-learn's ν follows ν*, not μ.
    expect(audit.pairs.nearerTarget).toBeGreaterThan(0.5);
    expect(audit.pairs.meanAbsNuMinusTarget).toBeLessThan(audit.pairs.meanAbsNuMinusMu);
    const sum = (counts: Float64Array) => counts.reduce((total, count) => total + count, 0);
    expect(sum(audit.histograms.nu)).toBe(reference.nnz);
    expect(audit.edges).toBe(reference.nnz / 2);
    expect(audit.meanDegree).toBeCloseTo(reference.muSum / reference.n, 9);
    // ν* (eq. 15) binned as numpy bins it, and the graph-neighbour recall as scikit-learn's neighbours give it.
    expect(Array.from(audit.histograms.nuStar)).toEqual(reference.nuStarHistogram);
    expect(audit.graphRecall).toBeCloseTo(reference.graphRecall, 6);
    // A random layout keeps about k/n of the graph neighbours.
    const randomRecall = graphNeighbourRecall(graph, randomLayoutLike(embeddings[0].points, 2));
    expect(randomRecall).toBeLessThan(0.05);
    console.log(
      `digits audit: eq. 12 theirs ${theirs.effective.total.toFixed(0)}, diverged ${diverged.effective.total.toFixed(0)}, random ${random.effective.total.toFixed(0)}; eq. 6 theirs ${theirs.purported.total.toFixed(0)}, diverged ${diverged.purported.total.toFixed(0)}; nearer ν* ${audit.pairs.nearerTarget.toFixed(3)}; graph recall ${audit.graphRecall.toFixed(3)} (random ${randomRecall.toFixed(3)})`,
    );
  });
});

describe('the files a user drops', () => {
  const file = (name: string) => ({ name, bytes: fixture(name) });

  it('takes the .npz with its embedding CSV, or the .h5ad alone, and gives the same graph and layout', async () => {
    const fromNpz = await readUmapFiles([file('digits_umap.csv'), file('digits_graph.npz')]);
    const fromH5ad = await readUmapFiles([file('digits.h5ad')]);
    expect(fromNpz.files).toEqual(['digits_graph.npz', 'digits_umap.csv']);
    expect(Array.from(fromNpz.embedding)).toEqual(Array.from(fromH5ad.embedding));
    expect(fromH5ad.embeddingName).toBe('obsm/X_umap');
    expect(fromH5ad.labels?.name).toBe('digit');
    expect(fromNpz.labels).toBeUndefined();
  });

  it.each([
    [[], /Choose the graph/],
    [['digits_graph.npz', 'digits_graph.mtx'], /one graph file, not 2/],
    [['digits_graph.npz'], /no 2-D embedding: add it as a CSV/],
    [['digits_reference.json'], /not a file the audit reads/],
  ])('%o: a message that says what to do', async (names, message) => {
    await expect(readUmapFiles(names.map(file))).rejects.toThrow(message);
  });

  it('refuses an embedding of other points', async () => {
    const short = { name: 'umap.csv', bytes: new TextEncoder().encode('x,y\n1,2\n3,4\n') };
    await expect(readUmapFiles([file('digits_graph.mtx'), short])).rejects.toThrow(
      /umap.csv has 2 points but the graph in digits_graph.mtx has 1797/,
    );
  });
});

describe('continuing from their UMAP', () => {
  const loop = { pause: async () => {}, shouldCancel: () => false };
  const settings = { s: 1, epochs: 100, m: 5, minDist: 0.1, learningRate: 0.25, seed: 1 };

  it("§7.3: the corrected sampling moves their ν from ν* towards μ; UMAP's own keeps it at ν*", async () => {
    const { graph, embeddings } = await readH5ad(fixture('digits.h5ad'), 'digits.h5ad');
    const theirs = embeddings[0].points;
    const audit = (layout: Float32Array) => auditUmap(graph, layout, { minDist: 0.1, m: 5, seed: 1 }).pairs;
    const umap = await continueImported(graph, theirs, { ...settings, method: 'umap' }, loop);
    const corrected = await continueImported(graph, theirs, { ...settings, method: 'corrected' }, loop);
    if (!umap || !corrected) throw new Error('not finished');
    const [before, afterUmap, afterCorrected] = [audit(theirs), audit(umap), audit(corrected)];
    console.log(
      `continue: mean |ν − μ| theirs ${before.meanAbsNuMinusMu.toFixed(3)}, UMAP ${afterUmap.meanAbsNuMinusMu.toFixed(3)}, corrected ${afterCorrected.meanAbsNuMinusMu.toFixed(3)}; nearer ν* ${before.nearerTarget.toFixed(3)}, ${afterUmap.nearerTarget.toFixed(3)}, ${afterCorrected.nearerTarget.toFixed(3)}`,
    );
    expect(afterCorrected.meanAbsNuMinusMu).toBeLessThan(0.8 * before.meanAbsNuMinusMu);
    expect(afterCorrected.nearerTarget).toBeLessThan(before.nearerTarget);
    expect(Math.abs(afterUmap.nearerTarget - before.nearerTarget)).toBeLessThan(0.1);
    expect(theirs).toEqual(embeddings[0].points);
  });

  it('stops when cancelled', async () => {
    const { graph, embeddings } = await readH5ad(fixture('digits.h5ad'), 'digits.h5ad');
    const result = await continueImported(
      graph,
      embeddings[0].points,
      { ...settings, method: 'neg' },
      { pause: async () => {}, shouldCancel: () => true },
    );
    expect(result).toBeNull();
  });
});
