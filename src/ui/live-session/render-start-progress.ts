/**
 * What happens between "Start the camera" and the first checked frame, as
 * a short list of steps (camera, pose model, first frame), so the person
 * never faces an empty screen without knowing what it is waiting for. Stop
 * and Sharp pain work here as everywhere. A template only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { StartStep } from '../../session/coach-flow.ts';

const STEPS: ReadonlyArray<{ id: StartStep; label: string }> = [
  { id: 'camera', label: 'Camera' },
  { id: 'model', label: 'Pose model' },
  { id: 'first-frame', label: 'First checked frame' },
];

export interface StartProgressView {
  step: StartStep;
  /** What the step under way is doing, in words ("Timing MediaPipe lite on your camera (1 of 3)…"). */
  detail: string;
  /** Buttons to end here; absent: none shown (the setup panel has its own). */
  stop?: () => void;
  sharpPain?: () => void;
}

export function renderStartProgress(v: StartProgressView): TemplateResult {
  const at = STEPS.findIndex((s) => s.id === v.step);
  return html`<ol class="progress" data-testid="start-progress" aria-label="Getting ready" aria-live="polite">
      ${STEPS.map((s, i) => {
        const state = i < at ? 'done' : i === at ? 'active' : 'pending';
        return html`<li class=${state} data-step=${s.id} data-state=${state}
          aria-current=${i === at ? 'step' : nothing}>
          <span aria-hidden="true">${state === 'done' ? '✓' : state === 'active' ? '…' : '○'}</span>
          ${s.label}${state === 'done' ? html`<span class="sr-only"> (done)</span>` : nothing}${
            state === 'active'
              ? html`: <span data-testid="progress-detail">${v.detail}</span>`
              : nothing
          }</li>`;
      })}
    </ol>
    ${
      v.stop || v.sharpPain
        ? html`<div class="controls">
            ${v.stop ? html`<button data-testid="loading-stop" @click=${v.stop}>Stop <kbd>S</kbd></button>` : nothing}
            ${v.sharpPain ? html`<button class="danger" data-testid="loading-sharp-pain" @click=${v.sharpPain}>Sharp pain <kbd>P</kbd></button>` : nothing}
          </div>`
        : nothing
    }`;
}
