/**
 * FNV-1a over the bytes of an embedding: a short fingerprint that says whether two runs produced
 * bit-identical positions (a shared link must reproduce the run exactly).
 */
export function embeddingFingerprint(embedding: Float32Array): string {
  const bytes = new Uint8Array(embedding.buffer, embedding.byteOffset, embedding.byteLength);
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    hash ^= bytes[i];
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}
