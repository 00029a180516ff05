/**
 * One `.npy` array (numpy's format, NEP 1, versions 1–3): the header's dict gives the dtype, the
 * order and the shape; the data follow, here little-endian numbers (what save_npz writes for a
 * CSR matrix) or a short byte string (its `format`).
 */
import { UserError } from '../../core/errors';

export interface NpyArray {
  /** numpy's dtype string, e.g. '<f4', '<i4', '|S3'. */
  dtype: string;
  shape: number[];
  /** Numbers as float64 (exact for every int32, float32 and float64, and integers below 2⁵³); bytes for strings. */
  values: Float64Array | Uint8Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

export function parseNpy(bytes: Uint8Array, what: string): NpyArray {
  if (!MAGIC.every((byte, i) => bytes[i] === byte)) throw new UserError(`${what} is not a .npy array.`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6];
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  const dtype = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1] === 'True';
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!dtype || shapeText === undefined) throw new UserError(`${what}: its .npy header cannot be read.`);
  const shape = shapeText
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(Number);
  const count = shape.reduce((product, size) => product * size, 1);
  if (fortran && shape.length > 1)
    throw new UserError(`${what}: Fortran-ordered arrays are not read; save it in C order.`);
  const data = bytes.subarray(headerStart + headerLength);
  if (dtype.startsWith('|S') || dtype.startsWith('<U')) return { dtype, shape, values: data };
  const kinds: Record<string, [number, (at: number) => number]> = {
    '<f4': [4, (at) => view.getFloat32(at, true)],
    '<f8': [8, (at) => view.getFloat64(at, true)],
    '<i4': [4, (at) => view.getInt32(at, true)],
    '<i8': [8, (at) => Number(view.getBigInt64(at, true))],
    '<u4': [4, (at) => view.getUint32(at, true)],
    '|i1': [1, (at) => view.getInt8(at)],
    '|u1': [1, (at) => view.getUint8(at)],
    '<i2': [2, (at) => view.getInt16(at, true)],
  };
  const kind = kinds[dtype];
  if (!kind) throw new UserError(`${what}: dtype ${dtype} is not read (little-endian numbers only).`);
  const [size, read] = kind;
  if (data.length < count * size)
    throw new UserError(`${what} is cut short: ${count} values need ${count * size} bytes.`);
  const values = new Float64Array(count);
  const start = headerStart + headerLength;
  for (let i = 0; i < count; i++) values[i] = read(start + i * size);
  return { dtype, shape, values };
}
