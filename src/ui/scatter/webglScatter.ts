import type { PointColouring } from './pointColours';
import type { ScatterRenderer, ScatterScene } from './scene';

// Positions arrive in data units; the view (data → CSS px) and the canvas size in CSS px take
// them to clip space, so the GPU does the per-point transform and the CPU only uploads.
const vertexSource = `#version 300 es
in vec2 position;
in vec3 colour;
uniform vec4 view;      // sx, ox, sy, oy
uniform vec2 size;      // canvas size in CSS px
uniform float pointSize; // device px
out vec3 pointColour;
void main() {
  vec2 css = vec2(view.x * position.x + view.y, view.z * position.y + view.w);
  gl_Position = vec4(css.x / size.x * 2.0 - 1.0, 1.0 - css.y / size.y * 2.0, 0.0, 1.0);
  gl_PointSize = pointSize;
  pointColour = colour;
}`;

const fragmentSource = `#version 300 es
precision mediump float;
uniform float roundPoints;
in vec3 pointColour;
out vec4 fragColour;
void main() {
  // Round points once they are big enough for the corners to show.
  vec2 d = gl_PointCoord - 0.5;
  if (roundPoints > 0.5 && dot(d, d) > 0.25) discard;
  fragColour = vec4(pointColour, 1.0);
}`;

interface Resources {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  positions: WebGLBuffer;
  colours: WebGLBuffer;
  view: WebGLUniformLocation | null;
  size: WebGLUniformLocation | null;
  pointSize: WebGLUniformLocation | null;
  roundPoints: WebGLUniformLocation | null;
}

function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('WebGL2: createShader failed');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS)) {
    throw new Error(`WebGL2 shader: ${gl.getShaderInfoLog(shader)}`);
  }
  return shader;
}

function build(gl: WebGL2RenderingContext): Resources {
  const program = gl.createProgram();
  gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, vertexSource));
  gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, fragmentSource));
  gl.bindAttribLocation(program, 0, 'position');
  gl.bindAttribLocation(program, 1, 'colour');
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    throw new Error(`WebGL2 program: ${gl.getProgramInfoLog(program)}`);
  }
  const vao = gl.createVertexArray();
  const positions = gl.createBuffer();
  const colours = gl.createBuffer();
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, positions);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindBuffer(gl.ARRAY_BUFFER, colours);
  gl.enableVertexAttribArray(1);
  gl.vertexAttribPointer(1, 3, gl.UNSIGNED_BYTE, true, 0, 0);
  gl.bindVertexArray(null);
  return {
    program,
    vao,
    positions,
    colours,
    view: gl.getUniformLocation(program, 'view'),
    size: gl.getUniformLocation(program, 'size'),
    pointSize: gl.getUniformLocation(program, 'pointSize'),
    roundPoints: gl.getUniformLocation(program, 'roundPoints'),
  };
}

/** Per-point RGB bytes from the palette, uploaded once per colouring. */
function pointBytes({ paletteRgb, paletteIndex }: PointColouring): Uint8Array {
  const bytes = new Uint8Array(3 * paletteIndex.length);
  for (let i = 0; i < paletteIndex.length; i++) {
    const p = 3 * paletteIndex[i];
    bytes[3 * i] = paletteRgb[p];
    bytes[3 * i + 1] = paletteRgb[p + 1];
    bytes[3 * i + 2] = paletteRgb[p + 2];
  }
  return bytes;
}

/**
 * A WebGL2 point renderer owning the canvas's one context. A lost context is waited out
 * (preventDefault lets the browser restore it); on restore every GPU resource is rebuilt and
 * `onRestored` asks for a redraw. Returns null when WebGL2 is unavailable.
 */
export function createWebglScatter(
  canvas: HTMLCanvasElement,
  onRestored: () => void,
): ScatterRenderer | null {
  const gl = canvas.getContext('webgl2', { antialias: false, alpha: false, depth: false, stencil: false });
  if (!gl) return null;
  let resources: Resources | null;
  try {
    resources = build(gl);
  } catch (error) {
    console.error(error);
    return null;
  }
  let uploadedColours: PointColouring | null = null;

  const onLost = (event: Event) => {
    event.preventDefault();
    resources = null;
    uploadedColours = null;
  };
  const onRestore = () => {
    try {
      resources = build(gl);
      onRestored();
    } catch (error) {
      console.error(error);
    }
  };
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestore);

  return {
    kind: 'webgl2',
    draw({ points, colouring, view, pointSize, width, height, pixelRatio }: ScatterScene) {
      if (!resources || gl.isContextLost()) return;
      const n = Math.min(points.length / 2, colouring.paletteIndex.length);
      gl.viewport(0, 0, gl.drawingBufferWidth, gl.drawingBufferHeight);
      gl.clearColor(1, 1, 1, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      // biome-ignore lint/correctness/useHookAtTopLevel: WebGL's useProgram, not a React hook.
      gl.useProgram(resources.program);
      gl.bindBuffer(gl.ARRAY_BUFFER, resources.positions);
      gl.bufferData(gl.ARRAY_BUFFER, points, gl.DYNAMIC_DRAW);
      if (uploadedColours !== colouring) {
        gl.bindBuffer(gl.ARRAY_BUFFER, resources.colours);
        gl.bufferData(gl.ARRAY_BUFFER, pointBytes(colouring), gl.STATIC_DRAW);
        uploadedColours = colouring;
      }
      gl.uniform4f(resources.view, view.sx, view.ox, view.sy, view.oy);
      gl.uniform2f(resources.size, width, height);
      gl.uniform1f(resources.pointSize, pointSize * pixelRatio);
      // Below ~3 device px a disc would lose most of its pixels: draw squares instead.
      gl.uniform1f(resources.roundPoints, pointSize * pixelRatio >= 3 ? 1 : 0);
      gl.bindVertexArray(resources.vao);
      gl.drawArrays(gl.POINTS, 0, n);
      gl.bindVertexArray(null);
    },
    dispose() {
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestore);
      if (resources && !gl.isContextLost()) {
        gl.deleteBuffer(resources.positions);
        gl.deleteBuffer(resources.colours);
        gl.deleteVertexArray(resources.vao);
        gl.deleteProgram(resources.program);
      }
      resources = null;
    },
  };
}
