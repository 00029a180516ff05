/**
 * The entries of a ZIP archive (PKWARE APPNOTE 6.3): what scipy's `save_npz` and numpy's `savez`
 * write, one `.npy` file per array, stored or deflated. Read from the central directory, so the
 * local headers' sizes (absent with streaming writers) never matter; inflated with the platform's
 * DecompressionStream('deflate-raw') (browsers and Node ≥ 18).
 */
import { UserError } from '../../core/errors';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** Every entry's bytes by name. `what` names the file in messages ("the .npz file"). */
export async function readZipEntries(bytes: Uint8Array, what: string): Promise<Map<string, Uint8Array>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus at most a 65 535-byte comment.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new UserError(`${what} is not a ZIP archive (no end-of-directory record).`);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Uint8Array>();
  const decoder = new TextDecoder();
  for (let e = 0; e < count; e++) {
    if (view.getUint32(at, true) !== CENTRAL_FILE_HEADER)
      throw new UserError(`${what}: its ZIP directory is damaged.`);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === 0xffffffff || localAt === 0xffffffff) {
      throw new UserError(`${what}: "${name}" needs ZIP64, which this reader does not support.`);
    }
    if (view.getUint32(localAt, true) !== LOCAL_FILE_HEADER)
      throw new UserError(`${what}: "${name}" is damaged.`);
    const dataAt = localAt + 30 + view.getUint16(localAt + 26, true) + view.getUint16(localAt + 28, true);
    const raw = bytes.subarray(dataAt, dataAt + compressedSize);
    if (method === STORED) entries.set(name, raw);
    else if (method === DEFLATED) entries.set(name, await inflateRaw(raw));
    else
      throw new UserError(
        `${what}: "${name}" uses ZIP compression method ${method}; only stored and deflate are read.`,
      );
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
