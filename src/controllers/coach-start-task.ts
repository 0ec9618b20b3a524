/**
 * Carries out the coach flow's start effects: opens the camera, puts it on
 * the video, then loads (with Automatic: chooses) the pose engine, and
 * reports each result to the flow with the run it belongs to. One run at a
 * time: `cancel()` aborts it, the abort reaches the engine choice and the
 * worker start, and every step checks it after each await, so a cancelled
 * run neither starts a worker nor reports anything.
 */
import type { FlowEvent } from '../session/coach-flow.ts';
import type { CameraController } from './camera-controller.ts';
import { chooseEngine, isAbort } from './choose-engine.ts';
import type { CoachSettings } from './coach-settings.ts';
import type { PoseLoopController } from './pose-loop-controller.ts';

export interface CoachStartDeps {
  camera: CameraController;
  loop: PoseLoopController;
  /** The engine settings at the time of loading. */
  settings: () => Pick<CoachSettings, 'engine' | 'backend'>;
  /** Puts the open stream on the video once it is rendered, and starts the pose loop on it. */
  attach: () => Promise<void>;
  dispatch: (event: FlowEvent) => void;
  /** Where cancelled loads are counted (the coach's public measures). */
  counts: { cancelledLoads: number };
}

export class CoachStartTask {
  private task = new AbortController();

  constructor(private readonly deps: CoachStartDeps) {}

  /** Aborts the run in progress (if any); the next open starts afresh. */
  cancel(): void {
    this.task.abort();
  }

  async openCamera(run: number): Promise<void> {
    this.task = new AbortController();
    const { signal } = this.task;
    const { camera, dispatch } = this.deps;
    const stream = await camera.start();
    if (signal.aborted) return;
    if (!stream) {
      dispatch({ type: 'camera-failed', run }); // the camera problem screen shows
      return;
    }
    await this.deps.attach();
    if (!signal.aborted) dispatch({ type: 'camera-opened', run });
  }

  async loadEngine(run: number): Promise<void> {
    const { signal } = this.task;
    const { loop, dispatch } = this.deps;
    try {
      const picked = await chooseEngine(
        loop,
        this.deps.settings(),
        (text) => {
          if (!signal.aborted) dispatch({ type: 'progress', run, text });
        },
        signal,
      );
      if (!signal.aborted) dispatch({ type: 'engine-ready', run, note: picked.note });
    } catch (e) {
      if (signal.aborted || isAbort(e)) return;
      dispatch({ type: 'engine-failed', run, message: e instanceof Error ? e.message : String(e) });
    } finally {
      if (signal.aborted) this.deps.counts.cancelledLoads++;
    }
  }
}
