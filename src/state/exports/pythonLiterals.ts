/** Python literals for the generated scripts: values and user text can never break out of them. */

/** A Python float literal: `1` → `1.0`, `0.1` → `0.1`, `1e-7` stays (valid Python). */
export function pythonFloat(value: number): string {
  const text = String(value);
  return /[.eE]/.test(text) || !Number.isFinite(value) ? text : `${text}.0`;
}

/**
 * A Python string literal safe to paste: JSON's escapes are Python's, and every non-ASCII or
 * control character is escaped, so a hostile file name cannot end the line or the string.
 */
export function pythonString(text: string): string {
  return JSON.stringify(text).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
