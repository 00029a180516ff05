import * as Comlink from 'comlink';
import type { RunWorkerApi } from '../../workers/run.worker';
import type { AuditProgress, AuditRequest, ContinueRequest } from '../engine/auditSession';
import { CANCEL_CELLS } from '../engine/cancellation';
import { type ExplorerConfig, planChange } from '../engine/config';
import { checkConfig } from '../engine/configRules';
import type { CsvLoadRequest } from '../engine/csvSession';
import type { ChangeReport, StageProgressReport } from '../engine/frame';
import type { PairBox } from '../engine/pairViews';
import { N_MENU_MAX } from '../engine/parameters';
import { estimateRun } from '../engine/runEstimate';
import type { SliceProgress } from '../engine/seedTasks';
import { checkSweep, type SweepPanel, type SweepProgress, type SweepSpec } from '../engine/sweep';
import type { Table1Progress, Table1Request } from '../engine/table1';
import { type ContinuationView, type ExplorerState, type ExplorerStore, useExplorerStore } from './store';

export type RunClient = ReturnType<typeof startRunClient>;

const nextAnimationFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A UserError's message says what to change; anything else is a failure the user should hear of as such (`failure`). */
const auditErrorMessage = (caught: unknown, failure: string) =>
  caught instanceof Error && caught.name === 'UserError'
    ? caught.message
    : `${failure}: ${caught instanceof Error ? caught.message : String(caught)}`;

/**
 * Starts the run worker and pulls frames from it at display rate: one frame in flight at a time,
 * the next asked for only after the previous one was handed to the store. Frames go to `store`
 * (the app's run by default; compare mode's variant run has a store of its own).
 */
export function startRunClient(store: ExplorerStore = useExplorerStore) {
  const worker = new Worker(new URL('../../workers/run.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<RunWorkerApi>(worker);
  const cancelCells =
    typeof SharedArrayBuffer === 'function'
      ? new Int32Array(new SharedArrayBuffer(4 * Object.keys(CANCEL_CELLS).length))
      : null;
  if (cancelCells) void api.shareCancelCell(cancelCells.buffer as SharedArrayBuffer);
  /** Stops the audit being computed at its next step (the worker polls the cell). */
  const cancelRunningAudit = () => {
    if (cancelCells) Atomics.add(cancelCells, CANCEL_CELLS.audit, 1);
  };
  void api.onProgress(
    Comlink.proxy((progress: StageProgressReport) => store.getState().setProgress(progress)),
  );
  let disposed = false;
  // The bundled digits are fetched once, by the worker, the first time MNIST is chosen.
  let digitsLoaded: Promise<unknown> | null = null;
  const loadDigits = () => {
    digitsLoaded ??= api
      .loadBundledDigits(new URL('data/mnist-digits.bin', document.baseURI).href)
      .catch((error: unknown) => {
        // Choosing MNIST again retries; meanwhile the engine rejects the change with a UserError.
        digitsLoaded = null;
        console.warn(error instanceof Error ? error.message : error);
      });
    return digitsLoaded;
  };

  /** Numbers the audits asked for: only the latest one's answer reaches the store. */
  let latestAudit = 0;

  /** The CSV's SHA-256 the last configure() used, '' for a generated dataset: the dataset stage's id. */
  let configuredCsv = '';

  (async () => {
    let after = -1;
    while (!disposed) {
      const frame = await api.pullFrame(after);
      if (disposed) break;
      after = frame.version;
      if (frame.runInfo) {
        // A run's first frame: its run info renders in a task of its own (store.acceptRunInfo).
        store.getState().acceptRunInfo(frame.runId, frame.runInfo);
        await nextTask();
        if (disposed) break;
      }
      store.getState().acceptFrame(frame);
      await nextAnimationFrame();
    }
  })().catch((error: unknown) => {
    if (!disposed) console.error(error);
  });

  return {
    /**
     * Every configuration goes through here (controls, presets, links, history), so every one
     * passes the same rules first: the run starts with the nearest valid configuration and the
     * store says what was changed. A dataset larger than the menus offer waits for the user's
     * confirmation (`confirmed`), with a forecast of its time and memory: null until then.
     */
    async configure(requested: ExplorerConfig, { confirmed = false } = {}): Promise<ChangeReport | null> {
      const state = store.getState();
      const { config, notices } = checkConfig(requested, {
        csv: requested.dataset === 'csv' ? state.csv : null,
      });
      state.setAdjustments(notices);
      // Known before the worker answers: a restart makes every frame of the current run stale.
      const csvId = config.dataset === 'csv' ? (state.csv?.sha256 ?? '') : '';
      const plan = planChange(state.frame?.config ?? null, config, configuredCsv, csvId);
      const big = config.dataset !== 'csv' && config.n > N_MENU_MAX && plan.rebuild.includes('dataset');
      if (big && !confirmed) {
        state.setPendingRun({ config, estimate: estimateRun(config) });
        return null;
      }
      state.setPendingRun(null);
      configuredCsv = csvId;
      if (plan.rebuild.length > 0) state.expectRestart();
      state.setConfig(config);
      if (config.dataset === 'mnist') await loadDigits();
      const report = await api.configure(config);
      store.getState().changeApplied(report);
      return report;
    },
    /** Describes a file's columns; the worker reads the file (a File is a handle: the page reads no byte). */
    inspectCsv: (file: Blob) => api.inspectCsv(file),
    /** Parses a file into the worker's engine; on success the store knows it (configure with dataset 'csv' next). */
    async loadCsv(file: Blob, request: CsvLoadRequest) {
      const result = await api.loadCsv(file, request);
      const state = store.getState();
      state.setProgress(null);
      if (result.ok) {
        const { name, sha256, n, dim, source } = result.value;
        state.setCsv({ name, sha256, n, dim, source });
      }
      return result;
    },
    /**
     * Audits a UMAP made elsewhere, in the worker beside the run (engine/auditSession.ts): the
     * store's `audit` says 'reading' (and the step), then holds the result, or what is wrong with
     * the files, or 'cancelled', while the last good result stays. An audit asked for meanwhile
     * supersedes this one, and stops it at its next step.
     */
    async auditUmapFiles(files: readonly File[], request: AuditRequest): Promise<void> {
      const ticket = ++latestAudit;
      const keep = () => store.getState().audit?.result ?? null;
      // A newer audit supersedes one still computing: stop that one rather than wait for it.
      if (store.getState().audit?.status === 'reading') cancelRunningAudit();
      store.getState().setAudit({ status: 'reading', result: keep() });
      try {
        // The files themselves, not their bytes: reading 30 MB here held the page's main thread
        // for tens of ms (Blink delivers a file's chunks to the thread that reads it).
        const result = await api.auditUmapFiles(
          [...files],
          request,
          // Progress comes on the proxy's own port: one arriving after the result is dropped.
          Comlink.proxy((progress: AuditProgress) => {
            const state = store.getState();
            if (ticket === latestAudit && state.audit?.status === 'reading')
              state.setAudit({ status: 'reading', result: keep(), progress });
          }),
          // Read here, when asked: a cancel from now on reaches this audit whenever the worker starts it.
          cancelCells ? Atomics.load(cancelCells, CANCEL_CELLS.audit) : 0,
        );
        if (ticket !== latestAudit) return;
        if (!result) {
          store.getState().setAudit({ status: 'cancelled', result: keep() });
          return;
        }
        store.getState().setAudit({ status: 'done', result });
        // A continuation belongs to the layout it started from.
        store.getState().setAuditContinuation(null);
      } catch (caught) {
        if (ticket === latestAudit)
          store.getState().setAudit({
            status: 'failed',
            error: auditErrorMessage(caught, 'The files could not be read'),
            result: keep(),
          });
      }
    },
    /** Whether an audit can be stopped midway: only with shared memory (a cross-origin isolated page). */
    canCancelAudit: cancelCells !== null,
    /** Stops the audit being computed at its next step; the store's `audit` then says 'cancelled'. */
    cancelAudit: cancelRunningAudit,
    /**
     * "Continue from it": the last audited layout continued in the worker (engine.runTask, which
     * pauses the run). The store's `auditContinuation` says 'running' with its progress, then holds
     * the result, or how it ended while the last result stays. A newer audit drops it.
     */
    async continueAudit(request: ContinueRequest): Promise<void> {
      const audited = store.getState().audit?.result ?? null;
      // Still the audit on screen, and this continuation not yet settled.
      let active = true;
      const current = () => active && store.getState().audit?.result === audited;
      const keep = () => store.getState().auditContinuation?.result ?? null;
      const update = (patch: Omit<ContinuationView, 'request' | 'result'>) => {
        if (current()) store.getState().setAuditContinuation({ request, result: keep(), ...patch });
      };
      update({ status: 'running', progress: { fraction: 0 } });
      try {
        const result = await api.continueAudit(
          request,
          // Progress comes on the proxy's own port: one arriving after the result is dropped.
          Comlink.proxy((progress: SliceProgress) => update({ status: 'running', progress })),
        );
        if (!result) update({ status: 'cancelled' });
        else if (current()) store.getState().setAuditContinuation({ status: 'done', request, result });
      } catch (caught) {
        update({ status: 'failed', error: auditErrorMessage(caught, 'The continuation failed') });
      } finally {
        active = false;
      }
    },
    play: () => api.play(),
    pause: () => api.pause(),
    step: (epochs: number) => api.step(epochs),
    /**
     * Brushing a pair view: the sorted, distinct points of the stored pairs whose (ν*, ν) (view
     * 'target') or (μ, ν) (view 'mu') lies in `box`, bounds included, on the current embedding.
     */
    pairPoints: (view: 'target' | 'mu', box: PairBox): Promise<Int32Array> => api.pairPoints(view, box),
    reset: () => api.reset(),
    cancel() {
      if (cancelCells) Atomics.add(cancelCells, CANCEL_CELLS.run, 1);
      return api.cancel();
    },
    async runSeeds(seeds: number, every: number) {
      const curves = await api.runSeeds(seeds, every);
      store.getState().setMultiSeed(curves);
      return curves;
    },
    lossTable: () => api.lossTable(),
    /**
     * Table 1 over seeds (engine.runTable1): its progress goes to the store's `table1Progress` while
     * it runs, the table to `table1`. Resolves with null if cancelled (cancel()).
     */
    async runTable1(options: Table1Request) {
      let active = true;
      const rows = options.dense ? 2 : 1;
      store.getState().setTable1Progress({ done: 0, total: options.seeds * options.epochs * rows });
      try {
        const table = await api.runTable1(
          options,
          // Progress comes on the proxy's own port: one arriving after the result is dropped.
          Comlink.proxy((progress: Table1Progress) => {
            if (active) store.getState().setTable1Progress(progress);
          }),
        );
        if (table) store.getState().setTable1(table);
        return table;
      } finally {
        active = false;
        store.getState().setTable1Progress(null);
      }
    },
    /**
     * A parameter sweep from the configuration in effect (engine.runSweep): the store's `sweep`
     * holds its spec and panels as they finish, `sweepProgress` its progress. Resolves when it ends
     * (cancelled: cancel()); a failure is kept in the sweep view with its message.
     */
    async runSweep(spec: SweepSpec) {
      const state = store.getState();
      const base = state.config;
      const checked = checkSweep(spec, base, { csv: base.dataset === 'csv' ? state.csv : null });
      state.setSweep({
        spec: checked.spec,
        base,
        panels: [],
        count: checked.configs.length,
        aligned: checked.spec.parameter !== 'n',
        notices: checked.notices,
        status: 'running',
      });
      state.setSweepProgress({
        panel: 0,
        panels: checked.configs.length,
        stage: 'building',
        done: 0,
        total: 1,
      });
      let active = true;
      const finish = (patch: Partial<NonNullable<ExplorerState['sweep']>>) => {
        const current = store.getState().sweep;
        if (current) store.getState().setSweep({ ...current, ...patch });
      };
      try {
        const result = await api.runSweep(
          checked.spec,
          Comlink.proxy((progress: SweepProgress) => {
            if (active) store.getState().setSweepProgress(progress);
          }),
          Comlink.proxy((panel: SweepPanel, index: number) => {
            if (active) store.getState().addSweepPanel(panel, index);
          }),
        );
        if (result) finish({ status: 'done', panels: result.panels, elapsedSeconds: result.elapsedSeconds });
        else finish({ status: 'cancelled' });
        return result;
      } catch (caught) {
        finish({ status: 'failed', error: caught instanceof Error ? caught.message : String(caught) });
        return null;
      } finally {
        active = false;
        store.getState().setSweepProgress(null);
      }
    },
    dispose() {
      disposed = true;
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
