import { describe, expect, it } from 'vitest';
import {
  assetCacheName,
  isEngineFile,
  staleAssetCaches,
} from '../../src/offline/offline-cache-names.ts';

describe('service worker cache names', () => {
  it('the first-use cache is named after the precached manifest’s revision', () => {
    const a = assetCacheName([
      'index.html',
      { url: 'assets/index-abc.js', revision: null },
      { url: 'models/manifest.json', revision: 'a1b2c3d4e5f6a7b8c9d0' },
    ]);
    expect(a).toBe('spinewise-assets-a1b2c3d4e5f6a7b8');
    expect(assetCacheName([{ url: '/models/manifest.json', revision: 'ffff' }])).toBe(
      'spinewise-assets-ffff',
    );
    expect(assetCacheName([{ url: 'index.html', revision: '1' }])).toBe(
      'spinewise-assets-unversioned',
    );
  });

  it('a new build’s cache replaces only our older first-use caches', () => {
    const names = [
      'spinewise-assets-old1',
      'spinewise-assets-new',
      'workbox-precache-v2-x',
      'other',
    ];
    expect(staleAssetCaches(names, 'spinewise-assets-new')).toEqual(['spinewise-assets-old1']);
  });

  it('models and wasm are engine files; the app shell and other paths are not', () => {
    expect(isEngineFile('/models/pose_landmarker_full.task')).toBe(true);
    expect(isEngineFile('/models/tfjs/blazepose-lite.bin')).toBe(true);
    expect(isEngineFile('/wasm/mediapipe/vision_wasm_internal.js')).toBe(true);
    expect(isEngineFile('/wasm/tfjs/tfjs-backend-wasm-simd.wasm')).toBe(true);
    expect(isEngineFile('/assets/index-abc.js')).toBe(false);
    expect(isEngineFile('/models/')).toBe(false);
    expect(isEngineFile('/index.html')).toBe(false);
  });
});
