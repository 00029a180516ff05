import { type RefObject, useEffect, useState } from 'react';

/**
 * The content width of an element, in CSS pixels, kept up to date by a ResizeObserver: charts draw
 * at the width their column gives them (text stays at its size), `fallback` until it is measured.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback: number): number {
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Nearest index in an ascending array (binary search); −1 for an empty one. */
export function nearestIndex(sorted: ArrayLike<number>, value: number): number {
  const count = sorted.length;
  if (count === 0) return -1;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && Math.abs(sorted[low - 1] - value) <= Math.abs(sorted[low] - value)) return low - 1;
  return low;
}
