/**
 * The service worker (built by vite-plugin-pwa's injectManifest into
 * /service-worker.js): the app works with no network once it has loaded once.
 * - Precache: the app shell and the files a first session needs (MediaPipe
 *   lite, its worker wasm, the manifest), each revisioned by its SHA-256
 *   from models/manifest.json and fetched with that integrity, so a corrupt
 *   file fails the install instead of being kept.
 * - Other models and wasm: cached on first use, in a cache named after the
 *   manifest's revision (deleted whole when a new build activates).
 * - Navigations: the precached page, so a reload offline starts the app.
 * Off-origin requests are left alone here: the page's CSP and the pose
 * worker's seal refuse them, and the tests' request log must still see them.
 */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  type PrecacheEntry,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { assetCacheName, isEngineFile, staleAssetCaches } from './offline-cache-names.ts';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

const precache = self.__WB_MANIFEST;
const ASSET_CACHE = assetCacheName(precache);

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
// The pose worker imports MediaPipe's loader as `…js?load=N` (a fresh module each time).
precacheAndRoute(precache, { ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^load$/] });

registerRoute(
  ({ url, sameOrigin }) => sameOrigin && isEngineFile(url.pathname),
  // Engine files are named by path alone; a query never names another file.
  new CacheFirst({ cacheName: ASSET_CACHE, matchOptions: { ignoreSearch: true } }),
);
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(staleAssetCaches(names, ASSET_CACHE).map((n) => caches.delete(n))),
      ),
  );
});
