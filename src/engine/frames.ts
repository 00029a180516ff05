/** Frame assembly and delivery: what the UI pulls, at most one frame in flight (docs/design.md). */
import { ringArcs, ringThickness } from '../core/metrics';
import type { ExplorerConfig } from './config';
import { embeddingFingerprint } from './fingerprint';
import type { ActualLoss, EvaluatedLosses, Frame, RunInfo, RunStatus, StageProgressReport } from './frame';
import { type Run, ringPoints } from './run';

/** What the next frame carries since the previous one: loss increments, and whether the histograms changed. */
export interface Outbox {
  actual: ActualLoss[];
  evaluations: EvaluatedLosses[];
  histograms: boolean;
}

export const emptyOutbox = (histograms = false): Outbox => ({ actual: [], evaluations: [], histograms });

/** The run lifecycle's part of a frame. */
export interface FrameState {
  version: number;
  status: RunStatus;
  remainingSeconds?: number;
  progress?: StageProgressReport;
  error?: string;
}

/** Notes from the stages are clauses; the run message puts them one after another as sentences. */
function asSentence(text: string): string {
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function labelCount(labels: Int32Array, labelNames: string[] | undefined): number {
  let largest = -1;
  for (const label of labels) if (label > largest) largest = label;
  return Math.max(labelNames?.length ?? 0, largest + 1);
}

function runInfo({ artifacts, inputThickness, optimizer, threadsMessage }: Run): RunInfo {
  const { dataset, graph, degrees } = artifacts;
  let degreeSum = 0;
  for (const d of degrees) degreeSum += d;
  return {
    datasetName: dataset.name,
    n: dataset.n,
    dim: dataset.dim,
    hue: dataset.hue,
    labels: dataset.labels,
    labelNames: dataset.labelNames,
    labelCount: dataset.labels ? labelCount(dataset.labels, dataset.labelNames) : undefined,
    edgeCount: graph.cols.length / 2,
    meanDegree: degreeSum / dataset.n,
    inputThickness,
    degrees: Float32Array.from(degrees),
    threads: optimizer.threads,
    message:
      [artifacts.initMessage, threadsMessage]
        .filter((text): text is string => Boolean(text))
        .map(asSentence)
        .join(' ') || undefined,
  };
}

/** The frame of `run` with the increments `sent`; the run's info goes with the first frame of the run. */
export function runFrame(run: Run, sent: Outbox, state: FrameState): Frame {
  const { artifacts, optimizer } = run;
  const points = ringPoints(artifacts.dataset, optimizer.embedding, run.config);
  const frame: Frame = {
    ...state,
    runId: run.id,
    config: run.config,
    epoch: optimizer.epoch,
    nEpochs: optimizer.nEpochs,
    learningRate: optimizer.alpha,
    embedding: optimizer.embedding.slice(),
    embeddingHash: embeddingFingerprint(optimizer.embedding),
    actual: sent.actual,
    evaluations: sent.evaluations,
    cadence: run.budget.cadence,
    evaluationShare: run.budget.evaluationShare,
    evaluationNote: run.approximateLosses ? 'approximate (far field, rel. error ≤ 1e-3)' : undefined,
    histograms: sent.histograms ? run.histograms : undefined,
    thickness: points ? ringThickness(points) : undefined,
    ringArcs: points ? ringArcs(points) : undefined,
    epochsPerSecond: run.epochsPerSecond,
  };
  if (!run.runInfoSent) {
    frame.runInfo = runInfo(run);
    run.runInfoSent = true;
  }
  return frame;
}

/** Before any run exists: what the UI needs to show an error or progress for the `requested` run. */
export function emptyFrame(runId: number, requested: ExplorerConfig, state: FrameState): Frame {
  return {
    ...state,
    runId,
    config: requested,
    epoch: 0,
    nEpochs: requested.epochs,
    learningRate: requested.learningRate,
    embedding: new Float32Array(0),
    embeddingHash: embeddingFingerprint(new Float32Array(0)),
    actual: [],
    evaluations: [],
    cadence: 1,
    evaluationShare: 0,
    epochsPerSecond: 0,
  };
}

/**
 * Versions and pulls: every change bumps the version, and a pull resolves with the first frame
 * newer than the version it names. `assemble` makes the current frame; `ready` says whether there
 * is one to make (none while a build is pending, or before the first configuration).
 */
export function createFramePublisher(assemble: (version: number) => Frame, ready: () => boolean) {
  let version = 0;
  let waiters: ((frame: Frame) => void)[] = [];
  return {
    publish() {
      version += 1;
      if (waiters.length === 0 || !ready()) return;
      const next = assemble(version);
      for (const resolve of waiters) resolve(next);
      waiters = [];
    },
    pull(afterVersion = -1): Promise<Frame> {
      if (version > afterVersion && ready()) return Promise.resolve(assemble(version));
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
