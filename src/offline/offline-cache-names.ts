/**
 * Names of the service worker's caches. Workbox keeps the precache (app
 * shell, default model and wasm) itself; files cached on first use (the
 * other models and wasm) go to a cache named after the revision of
 * models/manifest.json, so a rebuild of the models starts a fresh cache and
 * the old one is deleted whole when the new worker activates.
 */
export const ASSET_CACHE_PREFIX = 'spinewise-assets-';
export const MANIFEST_URL = 'models/manifest.json';

export interface PrecacheItem {
  url: string;
  revision?: string | null;
}

/** The first-use cache for this build; `-unversioned` when the manifest is not precached. */
export function assetCacheName(precache: readonly (PrecacheItem | string)[]): string {
  const manifest = precache.find(
    (e): e is PrecacheItem => typeof e !== 'string' && e.url.replace(/^\//, '') === MANIFEST_URL,
  );
  const revision = manifest?.revision?.replace(/[^0-9a-zA-Z]/g, '').slice(0, 16);
  return `${ASSET_CACHE_PREFIX}${revision || 'unversioned'}`;
}

/** Our first-use caches that belong to another build (to delete on activate). */
export function staleAssetCaches(cacheNames: readonly string[], current: string): string[] {
  return cacheNames.filter((n) => n.startsWith(ASSET_CACHE_PREFIX) && n !== current);
}

/** Model and wasm files: cached on first use when not precached. */
export function isEngineFile(pathname: string): boolean {
  return /^\/(models|wasm)\/.+\.(task|json|bin|wasm|js)$/.test(pathname);
}
