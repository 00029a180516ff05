import { describe, expect, it } from 'vitest';
import { formatCount } from './messages';

describe('formatCount', () => {
  it('puts the noun in the number the count asks for and groups thousands', () => {
    expect(formatCount(1, 'column')).toBe('1 column');
    expect(formatCount(0, 'column')).toBe('0 columns');
    expect(formatCount(16, 'point')).toBe('16 points');
    expect(formatCount(10_000, 'MNIST digit')).toBe('10,000 MNIST digits');
    expect(formatCount(2, 'entry', 'entries')).toBe('2 entries');
  });
});
