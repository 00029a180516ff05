import { extent, hsl, scaleLinear } from 'd3';
import { useEffect, useRef } from 'react';

interface ScatterProps {
  /** n×2 row-major coordinates. */
  points: Float32Array;
  /** Colour coordinate in [0, 1) per point. */
  hue: Float32Array;
  width: number;
  height: number;
}

/** Draws a 2-D point cloud with equal scales on both axes, coloured by hue. */
export function Scatter({ points, hue, width, height }: ScatterProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = canvasRef.current?.getContext('2d');
    if (!context) return;
    const n = points.length / 2;
    const xs = Array.from({ length: n }, (_, i) => points[2 * i]);
    const ys = Array.from({ length: n }, (_, i) => points[2 * i + 1]);
    const [x0 = 0, x1 = 1] = extent(xs);
    const [y0 = 0, y1 = 1] = extent(ys);
    const half = Math.max(x1 - x0, y1 - y0) / 2 || 1;
    const cx = (x0 + x1) / 2;
    const cy = (y0 + y1) / 2;
    const margin = 12;
    const side = Math.min(width, height);
    const x = scaleLinear([cx - half, cx + half], [margin, side - margin]);
    const y = scaleLinear([cy - half, cy + half], [side - margin, margin]);
    context.clearRect(0, 0, width, height);
    for (let i = 0; i < n; i++) {
      context.fillStyle = hsl(360 * hue[i], 0.65, 0.45).toString();
      context.beginPath();
      context.arc(x(points[2 * i]), y(points[2 * i + 1]), 2, 0, 2 * Math.PI);
      context.fill();
    }
  }, [points, hue, width, height]);

  return (
    <canvas
      ref={canvasRef}
      width={width}
      height={height}
      role="img"
      aria-label="Scatter plot of the points"
    />
  );
}
