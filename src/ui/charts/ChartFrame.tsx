import type { ReactNode } from 'react';

interface ChartFrameProps {
  width: number;
  height: number;
  /** The image's accessible name. */
  label: string;
  /** `data-*` attributes: the numbers drawn, for the tests to read. */
  data: Record<`data-${string}`, string | number | boolean | undefined>;
  children: ReactNode;
}

/** A chart's drawing: an SVG image of the measured size in its frame, the chart's numbers on it as data attributes. */
export function ChartFrame({ width, height, label, data, children }: ChartFrameProps) {
  return (
    <div className="chart-frame">
      <svg
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={label}
        {...data}
      >
        {children}
      </svg>
    </div>
  );
}
