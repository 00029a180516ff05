/** The worker's audit entry point: ArrayBuffers in, plain data out, the large arrays ready to transfer. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditTransferables, auditUmapFiles } from './auditSession';

const file = (name: string) => {
  const bytes = readFileSync(new URL(`import/fixtures/${name}`, import.meta.url));
  return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
};
const settings = { minDist: 0.1, m: 5 };

describe('auditUmapFiles', () => {
  it('audits an .h5ad with its labels, and hands over the layout and the codes to transfer', async () => {
    const result = await auditUmapFiles([file('digits.h5ad')], settings);
    expect(result.audit.n).toBe(1797);
    expect(result.embedding).toHaveLength(2 * 1797);
    expect(result.labels?.name).toBe('digit');
    expect(result.labelColumns).toEqual(['digit']);
    expect(result.embeddingNames).toEqual(['obsm/X_umap']);
    expect(result.seconds).toBeGreaterThan(0);
    expect(auditTransferables(result)).toEqual([result.embedding.buffer, result.labels?.codes.buffer]);
  });

  it('gives the same losses from the .npz and its CSV, which have no labels', async () => {
    const [fromH5ad, fromNpz] = await Promise.all([
      auditUmapFiles([file('digits.h5ad')], settings),
      auditUmapFiles([file('digits_graph.npz'), file('digits_umap.csv')], settings),
    ]);
    expect(fromNpz.files).toEqual(['digits_graph.npz', 'digits_umap.csv']);
    expect(fromNpz.labels).toBeNull();
    expect(auditTransferables(fromNpz)).toEqual([fromNpz.embedding.buffer]);
    expect(
      fromNpz.audit.losses.theirs.effective.total / fromH5ad.audit.losses.theirs.effective.total,
    ).toBeCloseTo(1, 6);
  });

  it('rejects a graph without its layout with the reader’s message', async () => {
    await expect(auditUmapFiles([file('digits_graph.npz')], settings)).rejects.toThrow(/no 2-D embedding/);
  });
});
