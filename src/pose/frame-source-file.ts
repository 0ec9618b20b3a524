/**
 * A recorded video file (any the browser can play: webm, mp4) as a
 * FrameSource that waits: it seeks to each analysis time in turn, grabs the
 * frame shown there and hands it over, and only moves on when the consumer
 * is done, so every step of the video is analysed at its media time however
 * slow the model is. Browser only (a <video> element decodes the file).
 */
import {
  analysisTimes,
  type FrameSource,
  FrameSourceError,
  type FrameSourceRun,
  type SourceFrame,
} from './frame-source.ts';

export interface FileFrameSourceOptions {
  /** Media time between analysed frames, ms: 100 is the live coach's 10 analysed frames a second. */
  stepMs?: number;
  /**
   * The media times to analyse instead, ms, in order (those past the end
   * are left out): e.g. the very moments a live session analysed, to replay
   * its recording frame for frame.
   */
  timesMs?: readonly number[];
  /** Frames wider than this are scaled down, px (as the live pose loop does). */
  maxWidth?: number;
  /** Progress after each frame: media time reached and the video's length, ms. */
  onProgress?: (doneMs: number, durationMs: number) => void;
}

const once = (target: EventTarget, ok: string, fail = 'error') =>
  new Promise<void>((resolve, reject) => {
    const done = (e: Event) => {
      target.removeEventListener(ok, done);
      target.removeEventListener(fail, done);
      if (e.type === ok) resolve();
      else reject(e);
    };
    target.addEventListener(ok, done);
    target.addEventListener(fail, done);
  });

/** How long a decoded frame may take to become grabbable after `seeked`, ms (a busy machine). */
const GRAB_PATIENCE_MS = 2000;
const GRAB_RETRY_MS = 20;

/**
 * The frame at the video's current time as a bitmap. On a busy machine the
 * element can report `seeked` and HAVE_CURRENT_DATA a moment before the
 * picture is usable (createImageBitmap then throws InvalidStateError), so
 * it tries again for a while before giving up.
 */
async function grabWhenUsable(v: HTMLVideoElement, scale: number): Promise<ImageBitmap> {
  const size = {
    resizeWidth: Math.round(v.videoWidth * scale),
    resizeHeight: Math.round(v.videoHeight * scale),
  };
  for (let waited = 0; ; waited += GRAB_RETRY_MS) {
    try {
      return await createImageBitmap(v, size);
    } catch (error) {
      const notYet = error instanceof DOMException && error.name === 'InvalidStateError';
      if (!notYet || waited >= GRAB_PATIENCE_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, GRAB_RETRY_MS));
    }
  }
}

/** How long to wait for the sought frame to be presented, ms, before grabbing what is shown. */
const PRESENT_PATIENCE_MS = 10_000;

/**
 * Seeks to `tMs` and resolves once the frame there is the one shown. The
 * `seeked` event alone is not enough: Chromium fires it before the new
 * frame reaches the element's compositor, so a grab right then sometimes
 * took the previous step's picture (measured: 1–6 of 108 steps differed
 * between two runs over the same webm, idle or loaded), which moved hold
 * edges by several frames between the app and `spinewise analyze`.
 * `requestVideoFrameCallback` fires when the sought frame is presented (a
 * paused video presents once per seek, even the same frame again); where
 * it is missing, or never comes, this falls back to `seeked`.
 */
async function seekTo(v: HTMLVideoElement, tMs: number): Promise<void> {
  const presented =
    typeof v.requestVideoFrameCallback === 'function'
      ? new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            v.cancelVideoFrameCallback(id);
            resolve();
          }, PRESENT_PATIENCE_MS);
          const id = v.requestVideoFrameCallback(() => {
            clearTimeout(timer);
            resolve();
          });
        })
      : Promise.resolve();
  v.currentTime = tMs / 1000;
  await once(v, 'seeked');
  // Seeked can come before the frame there is decoded.
  if (v.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) await once(v, 'canplay');
  await presented;
}

export class FileFrameSource implements FrameSource {
  readonly pacing = 'wait' as const;
  /** The video's length, ms (known after `open()`). */
  durationMs = 0;
  private readonly video = document.createElement('video');
  private url: string | undefined;

  constructor(
    private readonly file: Blob,
    private readonly options: FileFrameSourceOptions = {},
  ) {}

  /** Loads the file; rejects with a FrameSourceError the person can act on. */
  async open(): Promise<void> {
    const v = this.video;
    v.muted = true;
    v.playsInline = true;
    v.preload = 'auto';
    this.url = URL.createObjectURL(this.file);
    v.src = this.url;
    const name = this.file instanceof File ? `"${this.file.name}"` : 'This file';
    try {
      await once(v, 'loadeddata');
      // A recording made by MediaRecorder carries no length: seeking past the end makes the browser find it.
      if (!Number.isFinite(v.duration)) {
        v.currentTime = Number.MAX_SAFE_INTEGER;
        await once(v, 'seeked');
      }
    } catch {
      this.close();
      throw new FrameSourceError(
        `${name} could not be played as a video. Choose a webm or mp4 file this browser plays.`,
        'undecodable',
      );
    }
    this.durationMs = v.duration * 1000;
    if (!(this.durationMs > 0) || !v.videoWidth) {
      this.close();
      throw new FrameSourceError(`${name} has no picture to analyse.`, 'empty');
    }
  }

  async run(
    onFrame: (frame: SourceFrame) => Promise<void>,
    signal?: AbortSignal,
  ): Promise<FrameSourceRun> {
    if (!this.durationMs) await this.open();
    const v = this.video;
    const { stepMs = 100, maxWidth = 960, onProgress, timesMs } = this.options;
    const scale = Math.min(1, maxWidth / v.videoWidth);
    const times = timesMs
      ? timesMs.filter((t) => t >= 0 && t < this.durationMs)
      : analysisTimes(this.durationMs, stepMs);
    let taken = 0;
    for (const tMs of times) {
      if (signal?.aborted) return { taken, dropped: 0, ended: 'aborted' };
      await seekTo(v, tMs);
      const bitmap = await grabWhenUsable(v, scale);
      taken++;
      await onFrame({ bitmap, tMs });
      onProgress?.(tMs, this.durationMs);
    }
    return { taken, dropped: 0, ended: signal?.aborted ? 'aborted' : 'end' };
  }

  /** Lets go of the file. */
  close(): void {
    this.video.removeAttribute('src');
    this.video.load();
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = undefined;
  }
}
