/** A short line in a legend, drawn as its series is: colour, width and dash. */
export function LineSwatch({
  width,
  stroke,
  strokeWidth,
  dash,
}: {
  width: number;
  stroke: string;
  strokeWidth: number;
  dash: string | undefined;
}) {
  return (
    <svg width={width} height="8" aria-hidden="true">
      <line
        x1="0"
        x2={width}
        y1="4"
        y2="4"
        stroke={stroke}
        strokeWidth={strokeWidth}
        strokeDasharray={dash}
      />
    </svg>
  );
}
