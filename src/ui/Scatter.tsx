import { hsl, scaleLinear } from 'd3';
import { useEffect, useMemo, useRef } from 'react';

interface ScatterProps {
  /** n×2 row-major coordinates. */
  points: Float32Array;
  /** Colour coordinate in [0, 1) per point. */
  hue?: Float32Array;
  /** Run and epoch of the frame drawn, exposed as data attributes for tests. */
  runId: number;
  epoch: number;
  width: number;
  height: number;
}

/** Hue is quantised into this many colours so a frame is one path per colour, not one per point. */
const HUE_BUCKETS = 48;
const bucketColours = Array.from({ length: HUE_BUCKETS }, (_, b) =>
  hsl((360 * b) / HUE_BUCKETS, 0.65, 0.45).toString(),
);

/** Point indices grouped by colour bucket (CSR-like: offsets into one index array). */
function groupByHue(hue: Float32Array | undefined, n: number) {
  const bucketOf = new Int32Array(n);
  const counts = new Int32Array(HUE_BUCKETS + 1);
  for (let i = 0; i < n; i++) {
    const bucket = hue ? Math.min(HUE_BUCKETS - 1, Math.floor(hue[i] * HUE_BUCKETS)) : 29;
    bucketOf[i] = bucket;
    counts[bucket + 1] += 1;
  }
  for (let b = 0; b < HUE_BUCKETS; b++) counts[b + 1] += counts[b];
  const order = new Int32Array(n);
  const cursor = counts.slice(0, HUE_BUCKETS);
  for (let i = 0; i < n; i++) order[cursor[bucketOf[i]]++] = i;
  return { offsets: counts, order };
}

/** Draws a 2-D point cloud with equal scales on both axes, coloured by hue. */
export function Scatter({ points, hue, runId, epoch, width, height }: ScatterProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const n = points.length / 2;
  const groups = useMemo(() => groupByHue(hue, n), [hue, n]);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      x0 = Math.min(x0, points[2 * i]);
      x1 = Math.max(x1, points[2 * i]);
      y0 = Math.min(y0, points[2 * i + 1]);
      y1 = Math.max(y1, points[2 * i + 1]);
    }
    const half = Math.max(x1 - x0, y1 - y0) / 2 || 1;
    const margin = 12;
    const side = Math.min(width, height);
    const x = scaleLinear([(x0 + x1) / 2 - half, (x0 + x1) / 2 + half], [margin, side - margin]);
    const y = scaleLinear([(y0 + y1) / 2 - half, (y0 + y1) / 2 + half], [side - margin, margin]);
    context.clearRect(0, 0, width, height);
    for (let b = 0; b < HUE_BUCKETS; b++) {
      if (groups.offsets[b] === groups.offsets[b + 1]) continue;
      context.fillStyle = bucketColours[b];
      context.beginPath();
      for (let o = groups.offsets[b]; o < groups.offsets[b + 1]; o++) {
        const i = groups.order[o];
        context.rect(x(points[2 * i]) - 1.5, y(points[2 * i + 1]) - 1.5, 3, 3);
      }
      context.fill();
    }
  }, [points, groups, n, width, height]);

  return (
    <canvas
      ref={canvasRef}
      width={width}
      height={height}
      role="img"
      aria-label="Scatter plot of the points"
      data-run-id={runId}
      data-epoch={epoch}
    />
  );
}
