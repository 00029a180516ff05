/**
 * Seeded random number generators.
 *
 * - `createRng`: the app's fast generator (sfc32 seeded through splitmix32). Everything that only
 *   has to be deterministic, not numpy-identical, uses it: optimizer sampling, random init, blobs.
 * - `numpyRandomState`: MT19937 with numpy's legacy `np.random.seed(s)` seeding and res53 doubles, so
 *   datasets built in the paper's notebooks (ring, multi-ring, uniform square) are reproduced
 *   bit-for-bit (docs/algorithm.md §3.2).
 *
 * No generator keeps module-level state: each call returns an independent stream.
 */
import { UserError } from './errors';
import type { Rng } from './types';

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/**
 * splitmix32 step: a strong 32-bit mixer, used only to expand a seed into sfc32's 128-bit state so
 * that nearby seeds (0, 1, 2, …) give unrelated streams.
 */
function splitmix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * A raw uint32 source: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, passes PractRand
 * and BigCrush; period ≥ 2^32 thanks to its counter, ~2^127 on average). Returned as a bare closure
 * so hot loops can call it without going through an object.
 *
 * Any finite seed works; the integer part is used, including bits above 2^32 (up to 2^53).
 */
export function createUint32Source(seed: number): () => number {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  const low = whole >>> 0;
  const high = Math.floor(whole / TWO_POW_32) >>> 0;
  let s = splitmix32(low ^ splitmix32(high));
  let a = s;
  s = splitmix32(s);
  let b = s;
  s = splitmix32(s);
  let c = s;
  s = splitmix32(s);
  let counter = s;
  const source = (): number => {
    const t = (((a + b) | 0) + counter) | 0;
    counter = (counter + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // Discard a few outputs so the first values do not still reflect the seeding arithmetic.
  for (let i = 0; i < 12; i++) source();
  return source;
}

/**
 * Unbiased integer in 0..n−1 from a uint32 source: reject the top 2^32 mod n values, then reduce
 * modulo n. Exactly uniform for every integer 1 ≤ n ≤ 2^32; the rejection probability is below
 * n/2^32 (under 1e-4 for n ≤ 4e5), so it costs about one draw.
 */
export function uniformIntFrom(source: () => number, n: number): number {
  if (!(n >= 1 && n <= TWO_POW_32)) throw new Error(`nextInt needs 1 ≤ n ≤ 2^32, got ${n}`);
  const limit = TWO_POW_32 - (TWO_POW_32 % n);
  let u = source();
  while (u >= limit) u = source();
  return u % n;
}

/**
 * The app's generator. `next()` has 32 random bits (multiples of 2^−32 in [0, 1)), which is plenty
 * for sampling and jitter; `nextInt(n)` is exactly uniform (see `uniformIntFrom`).
 */
export function createRng(seed: number): Rng & { nextUint32(): number } {
  const source = createUint32Source(seed);
  return {
    next: () => source() / TWO_POW_32,
    nextInt: (n: number) => uniformIntFrom(source, n),
    nextUint32: source,
  };
}

/**
 * An independent seed for one stage of a run (`stream` names the stage: init, optimizer, …), so
 * that stages seeded from the same user seed do not share a random stream.
 */
export function deriveSeed(seed: number, stream: string): number {
  let h = splitmix32(createUint32Source(seed)());
  for (let i = 0; i < stream.length; i++) h = splitmix32(h ^ stream.charCodeAt(i));
  return h;
}

/**
 * Standard normal draws by the Box–Muller transform on `rng` (two uniforms give two normals; the
 * second is kept for the next call, inside the returned closure). Not numpy's legacy polar method.
 */
export function createGaussian(rng: Rng): () => number {
  let spare = 0;
  let hasSpare = false;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    // 1 − u lies in (0, 1], so the log is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    spare = radius * Math.sin(angle);
    hasSpare = true;
    return radius * Math.cos(angle);
  };
}

export interface NumpyRandomState extends Rng {
  /** `np.random.uniform(low, high)`: low + (high − low)·res53. */
  uniform(low: number, high: number): number;
  /** The raw MT19937 output (tempered uint32). */
  nextUint32(): number;
}

const MT_N = 624;
const MT_M = 397;
const MT_MATRIX_A = 0x9908b0df;
const MT_UPPER = 0x80000000;
const MT_LOWER = 0x7fffffff;

/**
 * MT19937 seeded like numpy's legacy `np.random.seed(seed)` (Matsumoto–Nishimura init_genrand;
 * docs/algorithm.md §3.2). `next()` is genrand_res53: (a·2^26 + b)/2^53 with a = u32>>>5, b = u32>>>6,
 * i.e. `np.random.random_sample()` / `np.random.uniform()`.
 *
 * `nextInt(n)` follows numpy's legacy bounded-integer rule for `np.random.randint(0, n)` with
 * n ≤ 2^32: draw u32, mask to the smallest all-ones value ≥ n−1, reject if above n−1; n = 1 consumes
 * nothing. (Verified against numpy 2.4 for small n; not needed by the paper's datasets.)
 */
export function numpyRandomState(seed: number): NumpyRandomState {
  if (!Number.isInteger(seed) || seed < 0 || seed >= TWO_POW_32) {
    throw new UserError(`seed must be an integer from 0 to 4294967295 (numpy's seed range); got ${seed}`);
  }
  const mt = new Uint32Array(MT_N);
  mt[0] = seed;
  for (let i = 1; i < MT_N; i++) {
    const prev = mt[i - 1];
    mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
  }
  let index = MT_N;

  const regenerate = (): void => {
    for (let i = 0; i < MT_N; i++) {
      const y = (mt[i] & MT_UPPER) | (mt[(i + 1) % MT_N] & MT_LOWER);
      mt[i] = mt[(i + MT_M) % MT_N] ^ (y >>> 1) ^ (y & 1 ? MT_MATRIX_A : 0);
    }
    index = 0;
  };

  const nextUint32 = (): number => {
    if (index >= MT_N) regenerate();
    let y = mt[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };

  const next = (): number => {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  };

  const nextInt = (n: number): number => {
    if (!(Number.isInteger(n) && n >= 1 && n <= TWO_POW_32)) {
      throw new Error(`nextInt needs an integer 1 ≤ n ≤ 2^32, got ${n}`);
    }
    const max = n - 1;
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value = (nextUint32() & mask) >>> 0;
    while (value > max) value = (nextUint32() & mask) >>> 0;
    return value;
  };

  return {
    next,
    nextInt,
    nextUint32,
    uniform: (low: number, high: number) => low + (high - low) * next(),
  };
}
