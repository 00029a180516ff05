/**
 * The explorer's own random generator (core/random.ts: sfc32 seeded through splitmix32, Box–Muller
 * normals) written out in Python, for the umap-learn scripts of datasets it draws: the Gaussian
 * blobs and the duplicate-row jitter of a CSV. Integer arithmetic on unsigned 32-bit values is
 * exact in Python, so the streams are bit-identical; the normals go through libm's log, sqrt,
 * cos and sin, which may differ from V8's in the last bit of a float64, far below the float32
 * the data are stored in.
 */
export const explorerRandomImports: readonly string[] = ['import math'];

export const explorerRandomLines: readonly string[] = [
  'MASK32 = 0xFFFFFFFF',
  '',
  '',
  'def splitmix32(state):',
  '    """The explorer\'s seed mixer (src/core/random.ts), on unsigned 32-bit integers."""',
  '    z = (state + 0x9E3779B9) & MASK32',
  '    z = ((z ^ (z >> 16)) * 0x21F0AAAD) & MASK32',
  '    z = ((z ^ (z >> 15)) * 0x735A2D97) & MASK32',
  '    return z ^ (z >> 15)',
  '',
  '',
  'def uint32_stream(seed):',
  '    """The explorer\'s generator: sfc32 with its state expanded from the seed by splitmix32."""',
  '    s = splitmix32((seed & MASK32) ^ splitmix32((seed >> 32) & MASK32))',
  '    a = s',
  '    b = s = splitmix32(s)',
  '    c = s = splitmix32(s)',
  '    counter = splitmix32(s)',
  '    drawn = 0',
  '    while True:',
  '        t = (a + b + counter) & MASK32',
  '        counter = (counter + 1) & MASK32',
  '        a = b ^ (b >> 9)',
  '        b = (c + (c << 3)) & MASK32',
  '        c = ((c << 21) | (c >> 11)) & MASK32',
  '        c = (c + t) & MASK32',
  '        drawn += 1',
  '        if drawn > 12:  # the first 12 outputs are discarded',
  '            yield t',
  '',
  '',
  'def derive_seed(seed, stream):',
  '    """The seed of one named stream of a run (deriveSeed in src/core/random.ts)."""',
  '    h = splitmix32(next(uint32_stream(seed)))',
  '    for char in stream:',
  '        h = splitmix32(h ^ ord(char))',
  '    return h',
  '',
  '',
  'def normal_stream(seed):',
  '    """Standard normals by Box-Muller, the cosine first, from uniforms u / 2**32."""',
  '    uniforms = uint32_stream(seed)',
  '    while True:',
  '        radius = math.sqrt(-2 * math.log(1 - next(uniforms) / 4294967296))',
  '        angle = 2 * math.pi * (next(uniforms) / 4294967296)',
  '        yield radius * math.cos(angle)',
  '        yield radius * math.sin(angle)',
];
