/**
 * The worker's audit (issue 17): the user's files in, the audit of their UMAP out, as plain data the
 * page can draw; then "Continue from it", our optimizer run on their graph from their layout. The
 * session keeps the last import that worked, for the continuation, and nothing else: it touches no
 * engine state, so the current run goes on around an audit and a bad file changes nothing.
 */
import { UserError } from '../core/errors';
import type { Graph } from '../core/types';
import {
  AUDIT_STEPS,
  auditUmap,
  type ContinueMethod,
  continueImported,
  type LabelColumn,
  readUmapFiles,
  type UmapAudit,
} from './import';
import type { SliceLoop } from './multiSeed';

export interface AuditFile {
  name: string;
  bytes: ArrayBuffer;
}

export interface AuditRequest {
  /** umap-learn's min_dist of their run: φ's a and b. */
  minDist: number;
  /** Their negative_sample_rate: ν*'s and eq. 12's m. */
  m: number;
  /** Which embedding the files offer to audit (default: obsm/X_umap, else the first). */
  embedding?: string;
  /** Which categorical column colours the points (default: the first). */
  labels?: string;
}

export interface AuditResult {
  audit: UmapAudit;
  /** The file names read, graph file first. */
  files: string[];
  embeddingName: string;
  embeddingNames: string[];
  labelColumns: string[];
  /** The chosen label column, if the files have one. */
  labels: LabelColumn | null;
  /** n×2: the layout audited. */
  embedding: Float32Array;
  /** Reading and auditing, in seconds. */
  seconds: number;
}

/** Where an audit is: step `step` (from 1) of `steps`, and what that step does. */
export interface AuditProgress {
  step: number;
  steps: number;
  doing: string;
}

/** The audit's steps: reading the files, then auditUmap's. */
const STEPS = ['reading the files', ...AUDIT_STEPS];

/** Thrown between two steps of an audit that was cancelled, and caught by the session. */
class AuditCancelled extends Error {}

/** How to continue from their layout; their min_dist and m are the audit's. */
export interface ContinueRequest {
  method: ContinueMethod;
  /** The spectrum parameter of 'neg'. */
  s: number;
  epochs: number;
  learningRate: number;
}

export interface ContinueResult {
  request: ContinueRequest;
  /** n×2: their layout after the continuation. */
  layout: Float32Array;
  /** The continued layout audited as theirs was (same min_dist and m). */
  audit: UmapAudit;
  /** Continuing and auditing, in seconds. */
  seconds: number;
}

/** The random layout's and the continuation's seed: the same files and settings give the same numbers every time. */
const SEED = 1;

/** The last import that worked: what a continuation starts from. */
interface Audited {
  graph: Graph;
  /** A copy of their layout: the result's own goes to the page. */
  layout: Float32Array;
  minDist: number;
  m: number;
}

/** One per worker: audits files and continues from the last layout audited. */
export function createAuditSession() {
  let last: Audited | null = null;

  return {
    /**
     * Reads the files (readUmapFiles: a UserError says what is missing or wrong) and audits their
     * layout, announcing each step before it starts (seconds each at 200 000 points). Resolves
     * with null when `cancelled()` says so between two steps; the last audit then stays the one
     * to continue from.
     */
    async audit(
      files: AuditFile[],
      request: AuditRequest,
      onProgress: (progress: AuditProgress) => void = () => {},
      cancelled: () => boolean = () => false,
    ): Promise<AuditResult | null> {
      const started = performance.now();
      const announce = (doing: string) => {
        if (cancelled()) throw new AuditCancelled();
        onProgress({ step: STEPS.indexOf(doing) + 1, steps: STEPS.length, doing });
      };
      let imported: Awaited<ReturnType<typeof readUmapFiles>>;
      let audit: UmapAudit;
      try {
        announce(STEPS[0]);
        imported = await readUmapFiles(
          files.map(({ name, bytes }) => ({ name, bytes: new Uint8Array(bytes) })),
          { embedding: request.embedding, labels: request.labels },
        );
        audit = auditUmap(
          imported.graph,
          imported.embedding,
          { minDist: request.minDist, m: request.m, seed: SEED },
          announce,
        );
      } catch (error) {
        if (error instanceof AuditCancelled) return null;
        throw error;
      }
      const { graph, embedding } = imported;
      const { minDist, m } = request;
      last = { graph, layout: embedding.slice(), minDist, m };
      return {
        audit,
        files: imported.files,
        embeddingName: imported.embeddingName,
        embeddingNames: imported.embeddingNames,
        labelColumns: imported.labelColumns,
        labels: imported.labels ?? null,
        embedding,
        seconds: (performance.now() - started) / 1000,
      };
    },

    /**
     * The continuation of the last audited layout as a task for engine.runTask (continueImported,
     * then the audit of where it ended); the task resolves with null when cancelled. Throws a
     * UserError at once, before any run is paused, when nothing has been audited.
     */
    continuation(request: ContinueRequest): (loop: SliceLoop) => Promise<ContinueResult | null> {
      if (!last) throw new UserError('Audit a UMAP first.');
      // This import's, even if another audit reads while the task runs.
      const { graph, layout, minDist, m } = last;
      return async (loop) => {
        const started = performance.now();
        const continued = await continueImported(graph, layout, { ...request, m, minDist, seed: SEED }, loop);
        if (!continued) return null;
        return {
          request,
          layout: continued,
          audit: auditUmap(graph, continued, { minDist, m, seed: SEED }),
          seconds: (performance.now() - started) / 1000,
        };
      };
    },
  };
}

/** The result's large arrays, to transfer rather than copy to the page. */
export function auditTransferables(result: AuditResult): ArrayBuffer[] {
  const buffers = [result.embedding.buffer as ArrayBuffer];
  if (result.labels) buffers.push(result.labels.codes.buffer as ArrayBuffer);
  return buffers;
}
