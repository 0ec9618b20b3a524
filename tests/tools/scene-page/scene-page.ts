/**
 * Dev-only page that renders the mannequin-js figure (GPL-3.0: test scenes
 * only, never imported by src/) in a plain room and reports the truth the
 * pose models are scored against. Deterministic: no animation loop, no
 * clock; one explicit render per call.
 */
import { renderClipFrame } from './clip-frame.ts';
import { renderStill } from './still-render.ts';

declare global {
  interface Window {
    renderStill: typeof renderStill;
    renderClipFrame: typeof renderClipFrame;
    sceneReady: boolean;
  }
}
window.renderStill = renderStill;
window.renderClipFrame = renderClipFrame;
window.sceneReady = true;
