/**
 * The worker's audit entry point as a plain function (issue 17): the user's files in, the audit of
 * their UMAP out, as plain data the page can draw. It touches no engine state, so the current run
 * goes on around it and a bad file changes nothing.
 */
import { auditUmap, type LabelColumn, readUmapFiles, type UmapAudit } from './import';

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

/** The random layout's seed: the same files give the same numbers every time. */
const RANDOM_LAYOUT_SEED = 1;

/** Reads the files (readUmapFiles: a UserError says what is missing or wrong) and audits their layout. */
export async function auditUmapFiles(files: AuditFile[], request: AuditRequest): Promise<AuditResult> {
  const started = performance.now();
  const imported = await readUmapFiles(
    files.map(({ name, bytes }) => ({ name, bytes: new Uint8Array(bytes) })),
    { embedding: request.embedding, labels: request.labels },
  );
  const audit = auditUmap(imported.graph, imported.embedding, {
    minDist: request.minDist,
    m: request.m,
    seed: RANDOM_LAYOUT_SEED,
  });
  return {
    audit,
    files: imported.files,
    embeddingName: imported.embeddingName,
    embeddingNames: imported.embeddingNames,
    labelColumns: imported.labelColumns,
    labels: imported.labels ?? null,
    embedding: imported.embedding,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The result's large arrays, to transfer rather than copy to the page. */
export function auditTransferables(result: AuditResult): ArrayBuffer[] {
  const buffers = [result.embedding.buffer as ArrayBuffer];
  if (result.labels) buffers.push(result.labels.codes.buffer as ArrayBuffer);
  return buffers;
}
