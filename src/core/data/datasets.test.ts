import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { readReferenceNumbers } from '../testing/reference';
import { gaussianBlobs, paperRing, paperRingCoordinates, paperRings, uniformSquare } from './datasets';

describe('paperRing', () => {
  it('reproduces numpy’s first point for seed 0 (docs/algorithm.md §3.2)', () => {
    const coordinates = paperRingCoordinates({ seed: 0 });
    expect(Math.abs(coordinates[0] - -0.2041025283243837)).toBeLessThan(1e-15);
    expect(Math.abs(coordinates[1] - 3.690895593830458)).toBeLessThan(1e-15);
    const ring = paperRing({ seed: 0 });
    expect(ring.points[0]).toBe(Math.fround(coordinates[0]));
    expect(ring.points[1]).toBe(Math.fround(coordinates[1]));
  });

  it('equals the reference ring for seed 3', () => {
    // The paper repo's get_ring(1000, 4, 0.5) after np.random.seed(3), printed with 8 decimals.
    const reference = readReferenceNumbers('ring_seed3_input.csv');
    const coordinates = paperRingCoordinates({ seed: 3 });
    const ring = paperRing({ seed: 3 });
    expect(reference).toHaveLength(2000);
    let maxFloat64Error = 0;
    let maxRoundedError = 0;
    let maxFloat32Error = 0;
    for (let i = 0; i < reference.length; i++) {
      maxFloat64Error = Math.max(maxFloat64Error, Math.abs(coordinates[i] - reference[i]));
      maxRoundedError = Math.max(maxRoundedError, Math.abs(Number(coordinates[i].toFixed(8)) - reference[i]));
      maxFloat32Error = Math.max(maxFloat32Error, Math.abs(ring.points[i] - reference[i]));
    }
    expect(maxFloat64Error).toBeLessThan(1e-8);
    expect(maxRoundedError).toBeLessThan(1e-12);
    // float32 spacing near 4 is 4.8e-7.
    expect(maxFloat32Error).toBeLessThan(3e-7);
  });

  it('describes the dataset: shape, name, hue = angle fraction', () => {
    const ring = paperRing({ n: 8 });
    expect(ring).toMatchObject({ name: 'ring', n: 8, dim: 2 });
    expect(ring.points).toBeInstanceOf(Float32Array);
    expect(ring.points).toHaveLength(16);
    expect(Array.from(ring.hue ?? [])).toEqual([0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875]);
  });

  it('puts every point within the noise disc of its base point (x = r·sin θ, y = r·cos θ)', () => {
    const n = 500;
    const coordinates = paperRingCoordinates({ n, radius: 4, noise: 0.5, seed: 1 });
    let maxOffset = 0;
    for (let i = 0; i < n; i++) {
      const theta = (2 * Math.PI * i) / n;
      const offset = Math.hypot(
        coordinates[2 * i] - 4 * Math.sin(theta),
        coordinates[2 * i + 1] - 4 * Math.cos(theta),
      );
      maxOffset = Math.max(maxOffset, offset);
    }
    expect(maxOffset).toBeLessThanOrEqual(0.5 + 1e-12);
    expect(maxOffset).toBeGreaterThan(0.45);
  });

  it('rejects invalid parameters with a UserError', () => {
    expect(() => paperRing({ n: 1 })).toThrow(UserError);
    expect(() => paperRing({ n: 10.5 })).toThrow(/n must be a whole number of at least 2; got 10.5/);
    expect(() => paperRing({ radius: 0 })).toThrow(/radius/);
    expect(() => paperRing({ noise: -1 })).toThrow(/noise/);
    expect(() => paperRing({ seed: -3 })).toThrow(UserError);
  });
});

describe('paperRings', () => {
  it('draws ring 0 exactly like the single ring with the same seed', () => {
    const single = paperRing({ n: 300, seed: 5 });
    const rings = paperRings({ count: 3, n: 300, seed: 5 });
    expect(rings.points.subarray(0, 600)).toEqual(single.points);
  });

  it('continues one random stream: later rings are not copies of ring 0', () => {
    const rings = paperRings({ count: 2, n: 100, seed: 3 });
    let sameNoise = 0;
    for (let i = 0; i < 200; i++) {
      const shift = i % 2 === 0 ? 12 : 0;
      if (Math.abs(rings.points[200 + i] - shift - rings.points[i]) < 1e-6) sameNoise++;
    }
    expect(sameNoise).toBeLessThan(5);
  });

  it('centres ring i at (12·i, 0) with labels, names and hue', () => {
    const count = 20;
    const n = 1000;
    const rings = paperRings();
    expect(rings).toMatchObject({ name: 'rings', n: count * n, dim: 2 });
    expect(rings.labelNames).toHaveLength(count);
    expect(rings.labelNames?.[19]).toBe('ring 19');
    for (let r = 0; r < count; r++) {
      let sumX = 0;
      let sumY = 0;
      for (let i = r * n; i < (r + 1) * n; i++) {
        expect(rings.labels?.[i]).toBe(r);
        sumX += rings.points[2 * i];
        sumY += rings.points[2 * i + 1];
      }
      expect(Math.abs(sumX / n - 12 * r)).toBeLessThan(0.1);
      expect(Math.abs(sumY / n)).toBeLessThan(0.1);
    }
    expect(rings.hue?.[n + 250]).toBe(0.25);
  });

  it('rejects a non-integer ring count', () => {
    expect(() => paperRings({ count: 0 })).toThrow(/number of rings/);
  });
});

describe('uniformSquare', () => {
  it('fills np.random.uniform(size=(n, 2)) row-major after np.random.seed(0)', () => {
    const square = uniformSquare();
    expect(square).toMatchObject({ name: 'uniform square', n: 1000, dim: 2 });
    expect(square.points[0]).toBe(Math.fround(0.5488135039273248));
    expect(square.points[1]).toBe(Math.fround(0.7151893663724195));
    expect(square.points[2]).toBe(Math.fround(0.6027633760716439));
    expect(square.points[1998]).toBe(Math.fround(0.6438640367225967));
    expect(square.points[1999]).toBe(Math.fround(0.5017731306999452));
    expect(Math.min(...square.points)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...square.points)).toBeLessThanOrEqual(1);
  });
});

describe('gaussianBlobs', () => {
  it('has the requested shape and balanced contiguous labels', () => {
    const blobs = gaussianBlobs({ n: 103, dim: 7, centers: 5, seed: 2 });
    expect(blobs).toMatchObject({ name: 'blobs', n: 103, dim: 7 });
    expect(blobs.points).toHaveLength(103 * 7);
    const counts = [0, 0, 0, 0, 0];
    for (const label of blobs.labels ?? []) counts[label]++;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(103);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(blobs.labelNames).toEqual(['blob 0', 'blob 1', 'blob 2', 'blob 3', 'blob 4']);
  });

  it('is deterministic per seed and separates the blobs', () => {
    const blobs = gaussianBlobs({ seed: 4 });
    expect(gaussianBlobs({ seed: 4 }).points).toEqual(blobs.points);
    expect(gaussianBlobs({ seed: 5 }).points).not.toEqual(blobs.points);
    const { n, dim, points, labels } = blobs;
    // Every point is nearer its own blob's mean than any other blob's mean.
    const means = new Float64Array(5 * dim);
    const sizes = new Float64Array(5);
    for (let i = 0; i < n; i++) {
      const label = labels?.[i] ?? -1;
      sizes[label]++;
      for (let d = 0; d < dim; d++) means[label * dim + d] += points[i * dim + d];
    }
    for (let c = 0; c < 5; c++) for (let d = 0; d < dim; d++) means[c * dim + d] /= sizes[c];
    let misassigned = 0;
    let ownSquaredDistance = 0;
    for (let i = 0; i < n; i++) {
      let nearest = -1;
      let nearestDistance = Number.POSITIVE_INFINITY;
      for (let c = 0; c < 5; c++) {
        let distance = 0;
        for (let d = 0; d < dim; d++) distance += (points[i * dim + d] - means[c * dim + d]) ** 2;
        if (distance < nearestDistance) {
          nearestDistance = distance;
          nearest = c;
        }
      }
      if (nearest !== labels?.[i]) misassigned++;
      ownSquaredDistance += nearestDistance;
    }
    expect(misassigned).toBe(0);
    // Points are N(centre, spread² = 1) per coordinate.
    expect(ownSquaredDistance / (n * dim)).toBeCloseTo(1, 1);
  });

  it('rejects more blobs than points', () => {
    expect(() => gaussianBlobs({ n: 3, centers: 4 })).toThrow(/4 blobs need at least 4 points/);
  });
});
