/** Wording shared by the messages the engine and the configuration rules write. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number as messages quote it: thousands grouped, at most six decimals (`100,000`, `0.001`). */
export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** `1 point`, `16 points`, `10,000 MNIST digits`: the count, grouped, with the noun in the right number. */
export function formatCount(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${integer.format(count)} ${count === 1 ? noun : pluralNoun}`;
}
