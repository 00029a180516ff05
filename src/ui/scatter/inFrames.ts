/**
 * One piece of a job spread over animation frames: does at most `units` of its work and says how
 * many it did and whether it is finished.
 */
export type FrameSlice = (units: number) => { used: number; done: boolean };

/** Work units all jobs together may do in one frame (for point rasters: points, ≈ 2–3 ms here). */
export const UNITS_PER_FRAME = 40_000;

const jobs: FrameSlice[] = [];
let scheduled = false;

function runFrame() {
  scheduled = false;
  let budget = UNITS_PER_FRAME;
  while (jobs.length > 0 && budget > 0) {
    const { used, done } = jobs[0](budget);
    budget -= Math.max(1, used);
    if (done) jobs.shift();
  }
  schedule();
}

function schedule() {
  if (scheduled || jobs.length === 0) return;
  scheduled = true;
  requestAnimationFrame(runFrame);
}

/**
 * Runs `slice` in animation frames, first come first served, until it is done: however many
 * panels redraw at once (nine sweep panels on a resize), a frame does at most UNITS_PER_FRAME.
 * Returns a cancel function (for an effect's cleanup).
 */
export function inFrames(slice: FrameSlice): () => void {
  jobs.push(slice);
  schedule();
  return () => {
    const at = jobs.indexOf(slice);
    if (at >= 0) jobs.splice(at, 1);
  };
}
