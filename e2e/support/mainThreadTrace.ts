/** One task the page's main thread ran, read off a Chromium performance trace. */
export interface MainThreadTask {
  /** Start, in ms from the trace's first task. */
  startMs: number;
  durationMs: number;
  /**
   * Time inside the task spent in the GPU command buffer's synchronous calls: waiting for the GPU
   * process to finish (Finish, WaitFor…) or to take more commands (Flush). Headless Chromium
   * without a GPU rasterises WebGL in software (SwiftShader), and its compositor reads the canvas
   * back synchronously: that time is rasterisation a GPU would do, not work of the page's own.
   */
  gpuWaitMs: number;
  /**
   * CPU time the thread spent in the task (the trace's thread clock). On a 2-core machine whose
   * cores the run's worker and the software GL rasteriser hold, a task's wall time is mostly
   * waiting for a core (an 8 ms render took 19 ms): the page's own work is this.
   */
  cpuMs: number;
}

/** What a task cost the page itself: its CPU time (see MainThreadTask.cpuMs), which excludes GPU waits too. */
export const pageWorkMs = (task: MainThreadTask) => task.cpuMs;

/** The task with the most page work. */
export const busiestTask = (tasks: MainThreadTask[]) =>
  tasks.reduce((a, b) => (pageWorkMs(b) > pageWorkMs(a) ? b : a));

/** The trace categories `mainThreadTasks` reads. */
export const mainThreadTraceCategories = [
  'disabled-by-default-devtools.timeline',
  'devtools.timeline',
  'gpu',
];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

const gpuCalls = new Set([
  'CommandBufferHelper::Finish',
  'CommandBufferHelper::Flush',
  'CommandBufferProxyImpl::WaitForGetOffset',
  'CommandBufferProxyImpl::WaitForToken',
]);

/** Length of the union of intervals (they nest: a Finish holds a Flush and a wait). */
function unionLength(intervals: [number, number][]): number {
  let total = 0;
  let reach = Number.NEGATIVE_INFINITY;
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/** The top-level tasks of the page's main thread (`CrRendererMain`) in a Chromium trace. */
export function mainThreadTasks(trace: { traceEvents: TraceEvent[] } | TraceEvent[]): MainThreadTask[] {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const mainThreads = new Set(
    events
      .filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
      .map((event) => `${event.pid}:${event.tid}`),
  );
  const onMain = events.filter((event) => event.ph === 'X' && mainThreads.has(`${event.pid}:${event.tid}`));
  const tasks = onMain.filter((event) => event.name === 'RunTask');
  const waits = onMain.filter((event) => gpuCalls.has(event.name));
  // A loop, not Math.min(...): a long trace holds more tasks than a call takes arguments.
  const origin = tasks.reduce((first, task) => Math.min(first, task.ts), Number.POSITIVE_INFINITY);
  return tasks.map((task) => {
    const end = task.ts + (task.dur ?? 0);
    const gpuWait = unionLength(
      waits
        .filter(
          (wait) => wait.pid === task.pid && wait.tid === task.tid && wait.ts >= task.ts && wait.ts < end,
        )
        .map((wait): [number, number] => [wait.ts, Math.min(end, wait.ts + (wait.dur ?? 0))]),
    );
    return {
      startMs: (task.ts - origin) / 1000,
      durationMs: (task.dur ?? 0) / 1000,
      gpuWaitMs: gpuWait / 1000,
      cpuMs: (task.tdur ?? task.dur ?? 0) / 1000,
    };
  });
}
