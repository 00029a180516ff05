/**
 * One pipeline for the app's engine, the bench and the tests (docs/design.md, "Staged pipeline and
 * caching"), in openTSNE's manner: dataset → kNN → graph μ → (a, b) → initial layout → optimizer,
 * each stage a function of the configuration (`ExplorerConfig`) and the stages before it.
 */

export * from './dataset';
export * from './headlessRun';
export * from './optimizerStage';
export * from './stageCache';
export * from './stages';
