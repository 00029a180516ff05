import type { ParameterName } from '../../engine/parameters';

/** A control's test id, from its parameter's name: `minDist` → `min-dist-slider`. */
export function testIdOf(name: ParameterName, widget: 'select' | 'slider' | 'entry' | 'checkbox'): string {
  return `${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}-${widget}`;
}
