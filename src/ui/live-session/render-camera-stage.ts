/**
 * The layout of the stages with a camera (loading, setup, live): the
 * camera problem screen when the camera failed (over the session, which is
 * kept, once live), the video with the skeleton canvas and what is drawn
 * over it, the lines under it, the side panel, and the camera list. The
 * parts come in rendered; this only places them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CameraFailure } from '../../controllers/camera-failure.ts';

type Part = TemplateResult | typeof nothing;

export interface CameraStageView {
  failure: CameraFailure | undefined;
  live: boolean;
  mirror: boolean;
  /** Over the video: the setup guide, the Paused badge, the stop gesture's progress. */
  overVideo: Part[];
  /** Under it: the status line and the captions. */
  belowVideo: Part[];
  panel: Part[];
}

export interface CameraStageActions {
  retry: () => void;
  /** Back to choosing (the camera never worked in this session). */
  back: () => void;
  /** End the kept session (its summary shows). */
  end: () => void;
}

export function renderCameraStage(v: CameraStageView, act: CameraStageActions): TemplateResult {
  if (v.failure && !v.live) {
    return html`<sw-camera-problem .failure=${v.failure} @sw-camera-retry=${act.retry}
        @sw-camera-back=${act.back}></sw-camera-problem>`;
  }
  return html`
      ${
        v.failure
          ? html`<sw-camera-problem .failure=${v.failure} sessionKept
              @sw-camera-retry=${act.retry} @sw-session-end=${act.end}></sw-camera-problem>`
          : nothing
      }
      <div class="stage-wrap">
        <div>
          <div class="stage ${v.mirror ? 'mirror' : ''}" data-testid="stage">
            <video muted playsinline aria-label="Camera preview"></video>
            <canvas data-testid="overlay" aria-hidden="true"></canvas>
            ${v.overVideo}
          </div>
          ${v.belowVideo}
        </div>
        <div class="panel">${v.panel}</div>
      </div>`;
}

/** The camera list, when there is more than one camera to pick from. */
export function renderDevicePicker(
  devices: readonly MediaDeviceInfo[],
  selected: string | undefined,
  pick: (deviceId: string) => void,
): Part {
  if (devices.length < 2) return nothing;
  return html`<label>Camera
      <select data-testid="camera-picker" @change=${(e: Event) => pick((e.target as HTMLSelectElement).value)}>
        ${devices.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === selected}>${d.label || `Camera ${i + 1}`}</option>`)}
      </select></label>`;
}
