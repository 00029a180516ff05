const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Presentation properties a chart takes from the page's stylesheet (app.css, d3-axis defaults):
 * outside the page they must be written onto each element or the file renders unstyled.
 */
const STYLE_PROPERTIES = [
  'color',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'visibility',
  'display',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'shape-rendering',
] as const;

/**
 * A standalone SVG file of an on-page chart: a clone with the computed styles inlined, the SVG
 * namespace declared, an explicit size and a white background (the page's background is not
 * part of the chart).
 */
export function standaloneSvg(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const computed = getComputedStyle(original);
    const copy = copies[i] as SVGElement;
    const declarations = STYLE_PROPERTIES.map((name) => [name, computed.getPropertyValue(name)] as const)
      .filter(([, value]) => value !== '')
      .map(([name, value]) => `${name}:${value}`);
    copy.setAttribute('style', declarations.join(';'));
    copy.removeAttribute('class');
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(Math.round(width)));
  clone.setAttribute('height', String(Math.round(height)));
  if (!clone.hasAttribute('viewBox'))
    clone.setAttribute('viewBox', `0 0 ${Math.round(width)} ${Math.round(height)}`);
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  clone.insertBefore(background, clone.firstChild);
  return new XMLSerializer().serializeToString(clone);
}
