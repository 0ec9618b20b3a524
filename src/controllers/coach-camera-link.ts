/**
 * Joins the camera to the live coach's video and pose loop: a new stream
 * (first start, Try again, another camera picked) goes onto the video once
 * it is rendered and the loop grabs from it; a camera that stops by itself
 * clears the skeleton and tells the flow; Try again reopens it (or, when it
 * never opened, starts over). Lifetime: the host's.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CoachFlowState, FlowEvent } from '../session/coach-flow.ts';
import type { CameraController } from './camera-controller.ts';
import type { PoseLoopController } from './pose-loop-controller.ts';

export interface CoachCameraLinkDeps {
  camera: CameraController;
  loop: Pick<PoseLoopController, 'attach' | 'detach'>;
  /** The coach's video element, once rendered. */
  video: () => HTMLVideoElement | undefined | null;
  flow: () => CoachFlowState;
  dispatch: (event: FlowEvent) => void;
  /** Clears the skeleton: none may stay over a dead camera. */
  clearOverlay: () => void;
}

export class CoachCameraLink implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly d: CoachCameraLinkDeps,
  ) {
    host.addController(this);
    d.camera.onEnded = () => {
      d.clearOverlay();
      d.dispatch({ type: 'camera-lost' });
    };
  }

  /** The open stream onto the video (once), and the pose loop onto the video. */
  attach(): void {
    const video = this.d.video();
    const stream = this.d.camera.stream;
    if (!video || !stream) return;
    if (video.srcObject !== stream) {
      video.srcObject = stream;
      void video.play().catch(() => {});
    }
    this.d.loop.detach();
    this.d.loop.attach(video);
  }

  /** After the host rendered and the video exists. */
  async attachRendered(): Promise<void> {
    await this.host.updateComplete;
    this.attach();
  }

  /** Try again on the camera screen. */
  async retry(): Promise<void> {
    const { stage, step } = this.d.flow();
    if (stage === 'loading' && step === 'camera') {
      this.d.dispatch({ type: 'start' }); // the camera never opened: start over from it
      return;
    }
    const stream = await this.d.camera.start();
    if (!stream) return;
    await this.attachRendered();
    this.d.dispatch({ type: 'camera-back' });
  }

  /** Another camera picked in the device list. */
  async pick(deviceId: string): Promise<void> {
    await this.d.camera.start(deviceId);
    await this.attachRendered();
  }

  hostUpdated(): void {
    // A new stream (first start or retry) goes to the video as soon as it is rendered.
    const video = this.d.video();
    if (video && this.d.camera.stream && video.srcObject !== this.d.camera.stream) this.attach();
  }
}
