import { useSyncExternalStore } from 'react';

/**
 * The page's side of the service worker (workers/service.worker.ts), production builds only:
 * registers it, reloads once into cross-origin isolation on a host that sends no COOP/COEP
 * headers, and reports a new version waiting to take over (the page never switches silently).
 */

/** A newly installed version waiting for the page's consent, if any. */
let waitingWorker: ServiceWorker | null = null;
let updating = false;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker): void {
  waitingWorker = worker;
  for (const listener of listeners) listener();
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;
  const controlledAtLoad = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    // First visit: the worker now adds the isolation headers, which only a reload can apply. The
    // URL hash keeps the configuration. On a host that sends the headers itself, nothing to do.
    const isolationReload = !controlledAtLoad && !window.crossOriginIsolated;
    if (isolationReload || updating) window.location.reload();
  });
  container
    .register(new URL('sw.js', document.baseURI), { scope: './' })
    .then((registration) => {
      // Only an update when a version already controls the page; the first install is not one.
      if (registration.waiting && container.controller) setWaiting(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const installing = registration.installing;
        installing?.addEventListener('statechange', () => {
          if (installing.state === 'installed' && container.controller) setWaiting(installing);
        });
      });
    })
    .catch((error: unknown) => {
      // The app works without it (online, one thread where the host sends no headers).
      console.warn('Service worker not registered:', error instanceof Error ? error.message : error);
    });
}

/** Lets the waiting version take over; the page reloads when it has. */
export function activateNewVersion(): void {
  if (!waitingWorker) return;
  updating = true;
  waitingWorker.postMessage('activate-new-version');
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNewVersionWaiting(): boolean {
  return useSyncExternalStore(subscribe, () => waitingWorker !== null);
}
