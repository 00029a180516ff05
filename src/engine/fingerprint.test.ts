import { describe, expect, it } from 'vitest';
import { embeddingFingerprint } from './fingerprint';

describe('embeddingFingerprint', () => {
  it('is FNV-1a of the float32 bytes', () => {
    // FNV-1a of no bytes is the offset basis; of the four zero bytes of 0.0 a known value.
    expect(embeddingFingerprint(new Float32Array(0))).toBe('811c9dc5');
    expect(embeddingFingerprint(new Float32Array([0]))).toBe('4b95f515');
  });

  it('changes when one coordinate moves by one float32 step', () => {
    const embedding = new Float32Array([1, 2, 3, 4]);
    const moved = embedding.slice();
    moved[3] = Math.fround(4 + 2 ** -21);
    expect(embeddingFingerprint(moved)).not.toBe(embeddingFingerprint(embedding));
  });
});
