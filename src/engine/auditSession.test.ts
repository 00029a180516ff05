/** The worker's audit session: ArrayBuffers in, plain data out, the large arrays ready to transfer; then the continuation. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import {
  type AuditFile,
  type AuditRequest,
  type AuditResult,
  auditTransferables,
  createAuditSession,
} from './auditSession';

const file = (name: string) => {
  const bytes = readFileSync(new URL(`import/fixtures/${name}`, import.meta.url));
  return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
};
const settings = { minDist: 0.1, m: 5 };
/** A fresh session's audit, which nothing cancels. */
async function auditOnce(files: AuditFile[], request: AuditRequest): Promise<AuditResult> {
  const result = await createAuditSession().audit(files, request);
  if (!result) throw new Error('an audit nothing cancelled resolved with null');
  return result;
}

describe('the audit', () => {
  it('audits an .h5ad with its labels, and hands over the layout and the codes to transfer', async () => {
    const result = await auditOnce([file('digits.h5ad')], settings);
    expect(result.audit.n).toBe(1797);
    expect(result.embedding).toHaveLength(2 * 1797);
    expect(result.labels?.name).toBe('digit');
    expect(result.labelColumns).toEqual(['digit']);
    expect(result.embeddingNames).toEqual(['obsm/X_umap']);
    expect(result.seconds).toBeGreaterThan(0);
    expect(auditTransferables(result)).toEqual([result.embedding.buffer, result.labels?.codes.buffer]);
  });

  it('announces each of its five steps once, in order, before the result', async () => {
    const announced: string[] = [];
    const result = await createAuditSession().audit([file('digits.h5ad')], settings, (progress) =>
      announced.push(`${progress.step}/${progress.steps} ${progress.doing}`),
    );
    expect(announced).toEqual([
      '1/5 reading the files',
      '2/5 the histograms and per-pair views',
      '3/5 the losses of your layout',
      '4/5 the losses of a random layout',
      '5/5 the graph-neighbour recall',
    ]);
    expect(result?.audit.n).toBe(1797);
  });

  it('announces only the reading when the files are bad', async () => {
    const announced: number[] = [];
    await expect(
      createAuditSession().audit([file('digits_graph.npz')], settings, (progress) =>
        announced.push(progress.step),
      ),
    ).rejects.toThrow(UserError);
    expect(announced).toEqual([1]);
  });

  it('gives the same losses from the .npz and its CSV, which have no labels', async () => {
    const [fromH5ad, fromNpz] = await Promise.all([
      auditOnce([file('digits.h5ad')], settings),
      auditOnce([file('digits_graph.npz'), file('digits_umap.csv')], settings),
    ]);
    expect(fromNpz.files).toEqual(['digits_graph.npz', 'digits_umap.csv']);
    expect(fromNpz.labels).toBeNull();
    expect(auditTransferables(fromNpz)).toEqual([fromNpz.embedding.buffer]);
    expect(
      fromNpz.audit.losses.theirs.effective.total / fromH5ad.audit.losses.theirs.effective.total,
    ).toBeCloseTo(1, 6);
  });

  it('rejects a graph without its layout with the reader’s message', async () => {
    await expect(auditOnce([file('digits_graph.npz')], settings)).rejects.toThrow(/no 2-D embedding/);
  });
});

describe('continuing from the last audit', () => {
  const request = { method: 'corrected', s: 1, epochs: 20, learningRate: 0.25 } as const;
  const loop = { pause: async () => {}, shouldCancel: () => false };

  it('asks for an audit first, before any task starts', () => {
    expect(() => createAuditSession().continuation(request)).toThrow(UserError);
    expect(() => createAuditSession().continuation(request)).toThrow('Audit a UMAP first.');
  });

  it('continues the layout audited last, which the page may take, and audits the result', async () => {
    const session = createAuditSession();
    const audited = await session.audit([file('digits.h5ad')], settings);
    if (!audited) throw new Error('cancelled');
    const theirs = audited.embedding.slice();
    // As the worker does: the audited layout leaves for the page.
    structuredClone(audited.embedding, { transfer: [audited.embedding.buffer] });
    expect(audited.embedding).toHaveLength(0);
    // A failed read keeps the last import that worked.
    await expect(session.audit([file('digits_graph.npz')], settings)).rejects.toThrow(UserError);

    const result = await session.continuation(request)(loop);
    if (!result) throw new Error('cancelled');
    expect(result.layout).toHaveLength(2 * 1797);
    expect(result.layout).not.toEqual(theirs);
    expect(result.request).toEqual(request);
    expect(result.audit.n).toBe(1797);
    expect(result.audit.m).toBe(5);
    expect(result.audit.pairs.meanAbsNuMinusMu).toBeLessThan(audited.audit.pairs.meanAbsNuMinusMu);
    expect(result.seconds).toBeGreaterThan(0);
  });

  it('resolves with null when cancelled', async () => {
    const session = createAuditSession();
    await session.audit([file('digits.h5ad')], settings);
    const task = session.continuation({ ...request, method: 'neg' });
    expect(await task({ ...loop, shouldCancel: () => true })).toBeNull();
  });

  it('an audit cancelled between two steps resolves with null, and the last audit stays the one to continue from', async () => {
    const session = createAuditSession();
    await session.audit([file('digits.h5ad')], settings);
    const announced: number[] = [];
    const cancelled = await session.audit(
      [file('digits_graph.npz'), file('digits_umap.csv')],
      { ...settings, m: 7 },
      (progress) => announced.push(progress.step),
      () => announced.length >= 2,
    );
    expect(cancelled).toBeNull();
    // Read, histograms: cancelled before the losses of their layout.
    expect(announced).toEqual([1, 2]);
    const continued = await session.continuation(request)(loop);
    expect(continued?.audit.m).toBe(5);
  });
});
