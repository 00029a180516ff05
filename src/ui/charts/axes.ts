import { type Axis, interpolateSinebow, type NumberValue, schemeTableau10, select } from 'd3';

/** Space around a chart's plotting area for the tick labels and axis titles. */
export interface Margins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const chartMargins: Margins = { top: 10, right: 14, bottom: 38, left: 58 };

/** Colours of the three losses and the three similarities, the same in every chart and legend. */
export const lossColours = { purported: '#c0392b', effective: '#2f6db5', actual: '#4d8a4a' } as const;
export const similarityColours = { mu: '#6a51a3', nuStar: '#e08214', nu: '#1b9e77' } as const;

/** Ticks of a log axis at the powers of ten only: d3's default draws every minor tick. */
export function powersOfTen([low, high]: number[]): number[] {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(low)); e <= Math.floor(Math.log10(high)); e++) ticks.push(10 ** e);
  return ticks;
}

/**
 * Draws a horizontal axis into `node` (a <g> already translated to the plot's bottom-left) and
 * its title below, centred on `width`.
 */
export function drawBottomAxis(node: SVGGElement, axis: Axis<NumberValue>, title: string, width: number) {
  drawAxis(node, axis, title, { rotate: false, x: width / 2, y: 32 });
}

/** Draws a vertical axis into `node` (a <g> at the plot's top-left) with a rotated title. */
export function drawLeftAxis(node: SVGGElement, axis: Axis<NumberValue>, title: string, height: number) {
  drawAxis(node, axis, title, { rotate: true, x: -height / 2, y: -46 });
}

/** The axis and its one title, placed in the title's own (rotated or not) coordinates. */
function drawAxis(
  node: SVGGElement,
  axis: Axis<NumberValue>,
  title: string,
  place: { rotate: boolean; x: number; y: number },
) {
  const g = select(node);
  g.call(axis);
  g.selectAll('text.axis-title')
    .data([title])
    .join('text')
    .attr('class', 'axis-title')
    .attr('transform', place.rotate ? 'rotate(-90)' : null)
    .attr('x', place.x)
    .attr('y', place.y)
    .attr('text-anchor', 'middle')
    .attr('fill', 'currentColor')
    .text((text) => text);
}

/** Point colours (scatter, legends): a cyclic scale for angles in [0, 1) … */
export function hueColour(t: number): string {
  return interpolateSinebow(t - Math.floor(t));
}
/** … and categorical colours for labels: Tableau 10, then evenly spread sinebow hues. */
export function labelColour(label: number): string {
  if (label < schemeTableau10.length) return schemeTableau10[label];
  return interpolateSinebow(((label - schemeTableau10.length) * 0.618034) % 1);
}
