/**
 * The kernel's random stream: sfc32 seeded through splitmix32, the stream of createUint32Source
 * (core/random.ts) that the TypeScript reference draws, so both paths pick the same negative
 * samples (wasmOptimizer.test.ts compares the two streams). Module globals: each kernel instance,
 * i.e. each thread of a parallel run, has a stream of its own.
 */

let stateA: u32 = 0;
let stateB: u32 = 0;
let stateC: u32 = 0;
let counter: u32 = 0;

function splitmix32(state: u32): u32 {
  let z: u32 = state + 0x9e3779b9;
  z = (z ^ (z >>> 16)) * 0x21f0aaad;
  z = (z ^ (z >>> 15)) * 0x735a2d97;
  return z ^ (z >>> 15);
}

/** The next uint32 of the stream. */
// @ts-ignore: decorator
@inline
export function nextRaw(): u32 {
  const t: u32 = stateA + stateB + counter;
  counter += 1;
  stateA = stateB ^ (stateB >>> 9);
  stateB = stateC + (stateC << 3);
  stateC = ((stateC << 21) | (stateC >>> 11)) + t;
  return t;
}

/** Seeds the stream as createUint32Source(seed), given trunc(seed) as its low and high 32 bits. */
export function seed(low: u32, high: u32): void {
  let s = splitmix32(low ^ splitmix32(high));
  stateA = s;
  s = splitmix32(s);
  stateB = s;
  s = splitmix32(s);
  stateC = s;
  s = splitmix32(s);
  counter = s;
  // Discarded, as createUint32Source does: the first outputs still reflect the seeding.
  for (let i = 0; i < 12; i++) nextRaw();
}

/** The next uint32 of the stream, for the tests. */
export function nextUint32(): u32 {
  return nextRaw();
}

/**
 * A point index uniform in 0..count − 1, as uniformIntFrom (core/random.ts): draws above the
 * largest multiple of count are redrawn, then draw mod count, computed without an integer division
 * (the float64 quotient draw·(1/count) is off by at most one, corrected by two selects).
 */
// @ts-ignore: decorator
@inline
export function uniformIndex(count: u32, inverseCount: f64, drawLimit: u64): u32 {
  let draw: u32;
  do draw = nextRaw();
  while (<u64>draw >= drawLimit);
  const quotient = <i64>(<f64>draw * inverseCount);
  let rest = <i64>draw - quotient * <i64>count;
  rest = select(rest + <i64>count, rest, rest < 0);
  rest = select(rest - <i64>count, rest, rest >= <i64>count);
  return <u32>rest;
}
