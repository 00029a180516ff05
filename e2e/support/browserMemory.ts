import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of each live process, read off /proc (Linux). */
function parentPids(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces, so read after its closing parenthesis.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parents;
}

/** Proportional set size (kB) of a process: shared pages split among their users, so sums add up. */
function pssKb(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Samples the memory of every process this test process started (the browser Playwright launched:
 * its GPU, renderer and utility processes, so the page and its workers) every `intervalMs`, and
 * keeps the peak of their summed PSS. Linux only: elsewhere the peak stays 0.
 */
export function sampleBrowserMemory(intervalMs = 500) {
  let peakKb = 0;
  let samples = 0;
  const sample = () => {
    let parents: Map<number, number>;
    try {
      parents = parentPids();
    } catch {
      return;
    }
    const ours = new Set([process.pid]);
    // Descendants in pid order would miss a child with a smaller pid than its parent: iterate to a fixed point.
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents)
        if (!ours.has(pid) && ours.has(parent)) {
          ours.add(pid);
          grew = true;
        }
    }
    ours.delete(process.pid);
    let total = 0;
    for (const pid of ours) total += pssKb(pid);
    peakKb = Math.max(peakKb, total);
    samples += 1;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  // A failed test must not keep its worker alive.
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakMb: peakKb / 1024, samples };
    },
  };
}
