/** SHA-256 of the file's bytes as 64 lowercase hex digits: a CSV run's link names its file by this. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const digest = new Uint8Array(
    await globalThis.crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>),
  );
  let hex = '';
  for (let i = 0; i < digest.length; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex;
}
