import { hueColour, labelColour } from '../charts/axes';

/** At most this many label swatches; the rest are counted. */
const MAX_SWATCHES = 20;

const hueGradient = `linear-gradient(to right, ${Array.from({ length: 13 }, (_, s) => hueColour(s / 12)).join(', ')})`;

interface ScatterLegendProps {
  colourBy: 'hue' | 'label' | 'none';
  labelNames?: string[];
  labelCount: number;
}

/** What the point colours mean: a cyclic ramp for the ring angle, or one swatch per label. */
export function ScatterLegend({ colourBy, labelNames, labelCount }: ScatterLegendProps) {
  if (colourBy === 'hue') {
    return (
      <figure className="scatter-legend" aria-label="Colour legend: position along the ring">
        <figcaption>position along the ring (input angle)</figcaption>
        <div className="scatter-legend-ramp" style={{ background: hueGradient }} />
        <div className="scatter-legend-ticks">
          <span>0°</span>
          <span>180°</span>
          <span>360°</span>
        </div>
      </figure>
    );
  }
  if (colourBy === 'label') {
    const shown = Math.min(labelCount, MAX_SWATCHES);
    return (
      <figure className="scatter-legend" aria-label="Colour legend: labels">
        <figcaption>label</figcaption>
        <ul>
          {Array.from({ length: shown }, (_, label) => label).map((label) => (
            // Names come from the dataset (possibly a user's CSV): rendered as text, never as HTML.
            <li key={label}>
              <span className="scatter-swatch" style={{ background: labelColour(label) }} />
              {labelNames?.[label] ?? String(label)}
            </li>
          ))}
          {labelCount > shown && <li>+{labelCount - shown} more</li>}
        </ul>
      </figure>
    );
  }
  return null;
}
