/// <reference lib="webworker" />
/**
 * The app's service worker (production builds only; registered by src/state/serviceWorker.ts).
 * Two jobs, both for a plain static host:
 * 1. Offline: every file of the build (app shell, workers with the WASM kernel, the MNIST digits)
 *    is cached at install, under a cache named after the build's version, and served from there.
 *    A new build is a new worker that waits until the page asks it to take over, so the page can
 *    say "a new version is available" instead of silently switching under a running experiment.
 * 2. Cross-origin isolation: responses get COOP/COEP headers (what coi-serviceworker does), so
 *    SharedArrayBuffer and parallel epochs work on hosts that cannot set headers.
 */
const worker = self as unknown as ServiceWorkerGlobalScope;

/** What src/build/serviceWorkerPlugin.ts writes into the built file. */
interface PrecacheManifest {
  /** Changes whenever any built file changes. */
  version: string;
  /** Paths relative to the worker's scope, `''` standing for the page itself. */
  files: string[];
}
/** A free global, so no minifier renames it; replaced by the manifest's JSON at build time. */
declare const __PRECACHE_MANIFEST__: PrecacheManifest;
const manifest = __PRECACHE_MANIFEST__;

const CACHE_PREFIX = 'umap-true-loss-';
const cacheName = `${CACHE_PREFIX}${manifest.version}`;
const scope = new URL(worker.registration.scope);
/** The page is cached under the scope URL; `index.html` and `?query` variants map onto it. */
const pageUrl = scope.href;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(manifest.files.map((file) => new URL(file, scope).href))),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== cacheName)
          .map((name) => caches.delete(name)),
      );
      // Control the page that installed us at once, so it can reload into cross-origin isolation.
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('message', (event) => {
  if (event.data === 'activate-new-version') void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(scope.origin)) return;
  event.respondWith(respond(request));
});

async function respond(request: Request): Promise<Response> {
  const cache = await caches.open(cacheName);
  const key = request.mode === 'navigate' ? pageUrl : request.url;
  const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
  return isolated(cached ?? (await fetch(request)));
}

/** The same response with the headers that make the page cross-origin isolated. */
function isolated(response: Response): Response {
  // Opaque and error responses cannot be re-wrapped; they are passed through as they are.
  if (response.status === 0) return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
