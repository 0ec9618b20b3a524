/**
 * The page `spinewise analyze <video.webm|.mp4>` opens in headless Chromium:
 * it runs the video review's own chain (reviewVideo: FileFrameSource, the
 * pose worker, the session script and reporter) on the file put in its
 * input, reports progress through `spinewiseProgress` (a function the
 * command exposes) and answers with the report or why there is none.
 */
import type { Side } from '../../core/body-points.ts';
import type { ExerciseId } from '../../exercises/exercise-ids.ts';
import type { EngineSpec } from '../../pose/create-pose-engine.ts';
import type { SessionReport } from '../../session/session-report.ts';
import {
  reviewVideo,
  type VideoReviewFailure,
  type VideoReviewProgress,
} from '../../ui/video-review/analyze-video.ts';

export interface PageRequest {
  exercise?: ExerciseId;
  side?: Side;
  holdTargetS: number;
  engine: EngineSpec;
  /** Media times to analyse instead of every 100 ms, ms (tests replaying a live session's frames). */
  timesMs?: number[];
}

export type PageAnswer =
  | {
      ok: true;
      report: SessionReport;
      recognised: boolean;
      frames: number;
      usableFrames: number;
      elapsedMs: number;
    }
  | { ok: false; reason: VideoReviewFailure | 'no-file' | 'failed'; message: string };

declare global {
  interface Window {
    spinewiseProgress?: (p: VideoReviewProgress) => void;
    spinewiseAnalyze: (request: PageRequest) => Promise<PageAnswer>;
  }
}

window.spinewiseAnalyze = async (request) => {
  const file = document.querySelector<HTMLInputElement>('#video')?.files?.[0];
  if (!file) return { ok: false, reason: 'no-file', message: 'no video was given to the page' };
  try {
    const review = await reviewVideo(file, {
      ...request,
      onProgress: (p) => window.spinewiseProgress?.(p),
    });
    return {
      ok: true,
      report: review.report,
      recognised: review.recognised,
      frames: review.frames,
      usableFrames: review.usableFrames,
      elapsedMs: review.elapsedMs,
    };
  } catch (e) {
    const reason = (e as { reason?: VideoReviewFailure }).reason ?? 'failed';
    return { ok: false, reason, message: (e as Error).message };
  }
};

document.querySelector('#ready')?.removeAttribute('hidden');
