import { describe, expect, it } from 'vitest';
import { K_MAX } from '../parameters';
import { knnWidth } from './stages';

describe('knnWidth', () => {
  it('computes the slider’s largest k once for exact kNN, and max(k, 30) for NN-descent', () => {
    expect(knnWidth(1000, 15)).toBe(K_MAX);
    expect(knnWidth(30, 15)).toBe(29);
    expect(knnWidth(10_000, 15)).toBe(30);
    expect(knnWidth(10_000, 42)).toBe(42);
  });
});
