/**
 * The camera as a Lit ReactiveController: opens it with `getUserMedia`,
 * lists the cameras for a picker, feeds a <video>, notices a camera that
 * is unplugged or taken mid-session (track `ended`), and stops every track
 * when the host leaves the page. Lifetime: one stream at a time; `stop()`
 * or `hostDisconnected` releases it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type CameraFailure, cameraAvailability, classifyCameraError } from './camera-failure.ts';

export type CameraStatus = 'idle' | 'starting' | 'live' | 'failed';

/** What the pose models like: enough pixels for a whole body, not so many that copies cost. */
export const DEFAULT_CAMERA_CONSTRAINTS: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 480 },
  frameRate: { ideal: 30, max: 30 },
};

export class CameraController implements ReactiveController {
  status: CameraStatus = 'idle';
  failure: CameraFailure | undefined;
  stream: MediaStream | undefined;
  /** Video inputs; labels are empty until permission is given. */
  devices: MediaDeviceInfo[] = [];
  /** The camera in use (or wanted). */
  deviceId: string | undefined;
  /** Called when a live camera stops by itself (unplugged, taken by another app). */
  onEnded: () => void = () => {};
  private starting = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Opens the camera (the chosen one, or any). Resolves with the stream or undefined on failure. */
  async start(deviceId = this.deviceId): Promise<MediaStream | undefined> {
    this.stop();
    const attempt = ++this.starting;
    const unavailable = cameraAvailability();
    if (unavailable) return this.fail(unavailable);
    this.status = 'starting';
    this.failure = undefined;
    this.host.requestUpdate();
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: {
          ...DEFAULT_CAMERA_CONSTRAINTS,
          ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
        },
      });
    } catch (e) {
      if (attempt !== this.starting) return undefined;
      return this.fail(classifyCameraError(e));
    }
    if (attempt !== this.starting) {
      // Stopped (or restarted) while the browser was asking: this stream is nobody's.
      for (const t of stream.getTracks()) t.stop();
      return undefined;
    }
    this.stream = stream;
    const track = stream.getVideoTracks()[0];
    this.deviceId = track?.getSettings().deviceId ?? deviceId;
    track?.addEventListener('ended', this.trackEnded);
    this.status = 'live';
    this.host.requestUpdate();
    void this.refreshDevices();
    return stream;
  }

  private readonly trackEnded = () => {
    if (this.status !== 'live') return;
    this.releaseTracks();
    this.fail({ kind: 'ended', detail: 'The camera stopped sending pictures.' });
    this.onEnded();
  };

  async refreshDevices(): Promise<void> {
    try {
      const all = await navigator.mediaDevices.enumerateDevices();
      this.devices = all.filter((d) => d.kind === 'videoinput');
    } catch {
      this.devices = [];
    }
    this.host.requestUpdate();
  }

  /** Size of the frames the camera actually sends. */
  get settings(): MediaTrackSettings | undefined {
    return this.stream?.getVideoTracks()[0]?.getSettings();
  }

  private fail(failure: CameraFailure): undefined {
    this.status = 'failed';
    this.failure = failure;
    this.host.requestUpdate();
    return undefined;
  }

  private releaseTracks() {
    for (const t of this.stream?.getTracks() ?? []) {
      t.removeEventListener('ended', this.trackEnded);
      t.stop();
    }
    this.stream = undefined;
  }

  /** Stops every track; the status returns to idle (a failure is kept for its screen). */
  stop(): void {
    this.starting++;
    this.releaseTracks();
    if (this.status !== 'failed') this.status = 'idle';
  }

  hostDisconnected(): void {
    this.stop();
    this.status = 'idle';
  }
}
