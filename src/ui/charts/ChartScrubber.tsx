/**
 * A chart's read-out cursor, by pointer and by keyboard: a transparent hit area over the plot that
 * reports where the pointer is, and a slider under the plot with the read-out it announces. The
 * chart keeps the cursor (an epoch, a bin…) and says what the positions mean.
 */
import { type PointerEvent, useRef, useState } from 'react';

interface ChartHitAreaProps {
  /** Where the plotting area starts, when the hit area is not already inside its translated group. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  /** The pointer's horizontal place over the plot, 0 at its left edge and 1 at its right. */
  onPoint: (fraction: number) => void;
  onLeave: () => void;
}

/** The plot's pointer target: hovering or pressing moves the chart's cursor, leaving clears it. */
export function ChartHitArea({ x, y, width, height, onPoint, onLeave }: ChartHitAreaProps) {
  function point(event: PointerEvent<SVGRectElement>) {
    const box = event.currentTarget.getBoundingClientRect();
    onPoint((event.clientX - box.left) / box.width);
  }
  return (
    <rect
      className="chart-hit"
      x={x}
      y={y}
      width={width}
      height={height}
      fill="transparent"
      onPointerMove={point}
      onPointerDown={point}
      onPointerLeave={onLeave}
    />
  );
}

interface ChartScrubberProps {
  /** The slider's accessible name. */
  label: string;
  /** What a screen reader says at the slider's position; absent without a cursor. */
  valueText?: string;
  /** Positions 0 … count − 1 the slider steps through (← →, Home, End). */
  count: number;
  /** The slider's position: the cursor's, or where the slider rests without one. */
  position: number;
  disabled: boolean;
  onPosition: (position: number) => void;
  /** Focusing the slider shows a cursor; leaving it clears the cursor. */
  onFocus: () => void;
  onBlur: () => void;
  /** The slider spans the plotting area: its left margin and width. */
  plotLeft: number;
  plotWidth: number;
  /** The read-out paragraph under the slider (announced politely as the cursor moves). */
  readoutId: string;
  readoutTestId: string;
  readout: string;
}

/** The keyboard's way to the read-out: a slider under the plot, and the read-out it moves. */
export function ChartScrubber({
  label,
  valueText,
  count,
  position,
  disabled,
  onPosition,
  onFocus,
  onBlur,
  plotLeft,
  plotWidth,
  readoutId,
  readoutTestId,
  readout,
}: ChartScrubberProps) {
  return (
    <>
      <input
        type="range"
        className="chart-scrubber"
        aria-label={label}
        aria-valuetext={valueText}
        min={0}
        max={Math.max(0, count - 1)}
        step={1}
        value={position}
        disabled={disabled}
        onChange={(event) => onPosition(Number(event.target.value))}
        onFocus={onFocus}
        onBlur={onBlur}
        style={{ marginLeft: plotLeft, width: plotWidth }}
      />
      <p className="chart-readout" id={readoutId} data-testid={readoutTestId} aria-live="polite">
        {readout}
      </p>
    </>
  );
}

/**
 * A chart's cursor, moved by the pointer or the slider. The pointer leaving the plot clears it,
 * unless the slider has focus: a keyboard reader keeps their place when the mouse drifts off (or
 * the page scrolls under a resting mouse as the slider takes focus).
 */
export function useChartCursor<T>() {
  const [cursor, setCursor] = useState<T | null>(null);
  const sliderFocused = useRef(false);
  return {
    cursor,
    setCursor,
    leave: () => {
      if (!sliderFocused.current) setCursor(null);
    },
    focus: (place: (current: T | null) => T | null) => {
      sliderFocused.current = true;
      setCursor(place);
    },
    blur: () => {
      sliderFocused.current = false;
      setCursor(null);
    },
  };
}
