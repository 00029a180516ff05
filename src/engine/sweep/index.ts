/** Parameter sweeps as small multiples (docs/design.md, "Sweeps"). */
export * from './runSweep';
export * from './sweepSpec';
