/**
 * An error meant for the person using the app: its message says what to change
 * ("k = 1000 needs more than 1000 points"). Internal invariants throw plain Errors instead.
 */
export class UserError extends Error {
  override name = 'UserError';
}
