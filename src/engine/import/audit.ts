/**
 * The audit of a UMAP made elsewhere (issue 17): on their graph μ and their layout, what the paper
 * says to look at — the μ, ν* (eq. 15) and ν histograms, ν against ν* and against μ pair by pair,
 * the degrees, the purported (eq. 6) and effective (eq. 12) losses of their layout beside the
 * diverged layout (ν = identity) and a random one (Table 1's way), and how many of each point's
 * graph neighbours the layout keeps near it.
 */
import { degrees as degreesOf } from '../../core/graph';
import { findAbParams } from '../../core/kernel';
import {
  embeddingSimilarities,
  evaluateLosses,
  type Losses,
  similarityHistogram,
  targetSimilarities,
} from '../../core/losses';
import { EXACT_LOSS_MAX_POINTS } from '../../core/losses/farField';
import { createRng } from '../../core/random';
import type { Graph } from '../../core/types';
import type { PairViews } from '../frame';
import { pairViews } from '../pairViews';
import { graphNeighbourRecall } from './graphRecall';

export interface AuditSettings {
  /** umap-learn's min_dist of their run (default 0.1): φ's a and b. */
  minDist: number;
  /** Their negative_sample_rate (default 5): ν*'s and eq. 12's m. */
  m: number;
  seed: number;
}

export interface UmapAudit {
  n: number;
  /** Undirected pairs of the graph (stored entries / 2). */
  edges: number;
  meanDegree: number;
  minDegree: number;
  maxDegree: number;
  a: number;
  b: number;
  m: number;
  /** 100-bin histograms over [0, 1] of the stored pairs. */
  histograms: { mu: Float64Array; nuStar: Float64Array; nu: Float64Array };
  pairs: PairViews;
  /** Eq. 6 and eq. 12 of their layout, of the diverged layout and of a random layout in their box. */
  losses: { theirs: Losses; diverged: Losses; random: Losses };
  /** Above EXACT_LOSS_MAX_POINTS the far-field approximation (relative error ≤ 1e-3). */
  approximate: boolean;
  /** Share of each point's (up to) 15 strongest graph neighbours among its 15 nearest in the layout. */
  graphRecall: number;
}

/** n×2 points uniform in the bounding box of `layout`, from `seed`. */
export function randomLayoutLike(layout: Float32Array, seed: number): Float32Array {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < layout.length; i += 2) {
    minX = Math.min(minX, layout[i]);
    maxX = Math.max(maxX, layout[i]);
    minY = Math.min(minY, layout[i + 1]);
    maxY = Math.max(maxY, layout[i + 1]);
  }
  const rng = createRng(seed);
  const random = new Float32Array(layout.length);
  for (let i = 0; i < layout.length; i += 2) {
    random[i] = minX + (maxX - minX) * rng.next();
    random[i + 1] = minY + (maxY - minY) * rng.next();
  }
  return random;
}

/** The audit's steps after reading, in order: each is announced before it starts (`onStep`). */
export const AUDIT_STEPS = [
  'the histograms and per-pair views',
  'the losses of your layout',
  'the losses of a random layout',
  'the graph-neighbour recall',
] as const;
export type AuditStep = (typeof AUDIT_STEPS)[number];

export function auditUmap(
  graph: Graph,
  layout: Float32Array,
  settings: AuditSettings,
  onStep: (step: AuditStep) => void = () => {},
): UmapAudit {
  const { n } = graph;
  onStep(AUDIT_STEPS[0]);
  const { a, b } = findAbParams(1, settings.minDist);
  const { m } = settings;
  const degrees = degreesOf(graph);
  const mu = graph.values;
  const nuStar = targetSimilarities(graph, m);
  const nu = embeddingSimilarities(graph, layout, a, b);
  const approximate = n > EXACT_LOSS_MAX_POINTS;
  const options = { a, b, m, degrees, approximate };
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const d of degrees) {
    sum += d;
    min = Math.min(min, d);
    max = Math.max(max, d);
  }
  const histograms = {
    mu: similarityHistogram(mu),
    nuStar: similarityHistogram(nuStar),
    nu: similarityHistogram(nu),
  };
  const pairs = pairViews(mu, nuStar, nu);
  onStep(AUDIT_STEPS[1]);
  const theirs = evaluateLosses(graph, layout, options);
  const diverged = evaluateLosses(graph, 'diverged', options);
  onStep(AUDIT_STEPS[2]);
  const random = evaluateLosses(graph, randomLayoutLike(layout, settings.seed), options);
  onStep(AUDIT_STEPS[3]);
  return {
    n,
    edges: graph.rowPtr[n] / 2,
    meanDegree: sum / n,
    minDegree: min,
    maxDegree: max,
    a,
    b,
    m,
    histograms,
    pairs,
    losses: { theirs, diverged, random },
    approximate,
    graphRecall: graphNeighbourRecall(graph, layout),
  };
}
