import { lossColours } from './axes';
import { LineSwatch } from './LineSwatch';
import { dashes, kinds, type LossKind, parts } from './lossSeries';

const kindTitles: Record<LossKind, string> = {
  purported: 'purported (eq. 6)',
  effective: 'effective (eq. 12)',
  actual: 'actual (eq. 11)',
};
/** Under corrected sampling (§7.3) the optimizer descends eq. 6: eq. 12 is UMAP's, not this run's. */
const correctedKindTitles: Record<LossKind, string> = {
  purported: 'purported (eq. 6), minimised here',
  effective: 'UMAP sampling’s (eq. 12)',
  actual: 'actual (eq. 11)',
};

interface LossLegendProps {
  /** The run samples the repulsion as eq. 6 asks (§7.3): the titles say which loss it descends. */
  corrected: boolean;
  /** Titles where the run minimises another loss than UMAP's (lossModeText.ts). */
  modeTitles?: Partial<Record<LossKind, string>>;
  /** Shown series, as "kind part" ("effective repulsive"). */
  visible: ReadonlySet<string>;
  onToggle: (key: string) => void;
  logY: boolean;
  onLogY: (logY: boolean) => void;
}

/** The loss chart's legend: a checkbox per loss and part, and the log-scale switch. */
export function LossLegend({ corrected, modeTitles, visible, onToggle, logY, onLogY }: LossLegendProps) {
  const titles = { ...(corrected ? correctedKindTitles : kindTitles), ...modeTitles };
  return (
    <fieldset className="chart-legend">
      <legend>Series</legend>
      <table>
        <thead>
          <tr>
            <th scope="col">loss</th>
            {parts.map((part) => (
              <th scope="col" key={part}>
                <LineSwatch width={22} stroke="#444" strokeWidth={1.5} dash={dashes[part]} /> {part}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row" style={{ color: lossColours[kind] }} data-testid={`loss-title-${kind}`}>
                {titles[kind]}
              </th>
              {parts.map((part) => {
                const key = `${kind} ${part}`;
                return (
                  <td key={part}>
                    <input
                      type="checkbox"
                      aria-label={key}
                      checked={visible.has(key)}
                      onChange={() => onToggle(key)}
                      style={{ accentColor: lossColours[kind] }}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <label className="chart-option">
        <input type="checkbox" checked={logY} onChange={(event) => onLogY(event.target.checked)} /> log-scale
        loss axis
      </label>
    </fieldset>
  );
}
