import type { HTMLAttributes } from 'react';

/** A row of a readout: label, formatted value, and the test id of the value. */
export type StatRow = [label: string, value: string, testId: string];

/** Label–value readouts as a definition list; extra attributes (data-*) go on the list. */
export function StatList({ rows, ...attributes }: { rows: StatRow[] } & HTMLAttributes<HTMLDListElement>) {
  return (
    <dl className="graph-stats" {...attributes}>
      {rows.map(([label, value, testId]) => (
        <div key={testId}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
