import { describe, expect, it } from 'vitest';
import { knnTimeNote } from './knnTimeNote';

describe('knnTimeNote', () => {
  it('scales the measured 4000 × 784 time by (n/4000)²·(d/784)', () => {
    expect(knnTimeNote(4000, 784)).toMatch(/about 4 s for 4000 points × 784 columns/);
    // 4.4 · (2000/4000)² · (1568/784) = 2.2 s
    expect(knnTimeNote(2000, 1568)).toMatch(/about 2 s/);
  });

  it('says nothing under a second and names NN-descent from 4096 points on', () => {
    expect(knnTimeNote(300, 5)).toBeNull();
    expect(knnTimeNote(100_000, 1000)).toMatch(/approximate \(NN-descent\) from 4096 points/);
  });
});
