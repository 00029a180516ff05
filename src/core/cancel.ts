/**
 * Thrown when a long computation's progress callback returns `false`. A distinct class so the
 * engine can tell "the user moved on" apart from a failure (and from a `UserError`).
 */
export class CancelledError extends Error {
  override name = 'CancelledError';

  constructor(message = 'The computation was cancelled.') {
    super(message);
  }
}

/**
 * Progress hook of long computations: called with the fraction done in [0, 1]; returning `false`
 * cancels with a `CancelledError`. Any other return value (including none) continues.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a plain `(f) => { … }` logger must be accepted.
export type ProgressCallback = (fraction: number) => boolean | void;
