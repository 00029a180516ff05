import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../engine/frame';
import { createExplorerStore } from './store';

const runInfo: RunInfo = {
  datasetName: 'ring',
  n: 3,
  dim: 2,
  edgeCount: 3,
  meanDegree: 2,
  degrees: new Float32Array(3),
  threads: 1,
};

describe('the run store', () => {
  it("takes a run's info ahead of its first frame, but not a stale run's", () => {
    const store = createExplorerStore();
    store.getState().changeApplied({ applied: 'restart', rebuild: [], live: [], runId: 2, summary: '' });
    store.getState().acceptRunInfo(1, runInfo);
    expect(store.getState().runInfo).toBeNull();
    store.getState().acceptRunInfo(2, runInfo);
    expect(store.getState().runInfo).toBe(runInfo);
  });
});
