/**
 * Registers the service worker in the production build only (the dev server
 * serves modules it rebuilds on every edit; caching them would serve stale
 * code). After `load`, so the first visit's own downloads go first.
 */
export const SERVICE_WORKER_URL = '/service-worker.js';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: '/' }).catch((e: unknown) => {
      // The app runs without it; only offline use and the second-visit cache are lost.
      console.warn(
        `Spinewise: offline use is unavailable (${e instanceof Error ? e.message : String(e)})`,
      );
    });
  });
}
