import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { loadCoachSettings } from '../../controllers/coach-settings.ts';
import { appNow } from '../../controllers/storage-clock.ts';
import { StorageController } from '../../controllers/storage-controller.ts';
import type { Side } from '../../core/body-points.ts';
import { EXERCISE_IDS, type ExerciseId } from '../../exercises/exercise-ids.ts';
import { cueDefinition } from '../../feedback/cue-vocabulary.ts';
import type { EngineSpec } from '../../pose/create-pose-engine.ts';
import { parseEngineName } from '../../pose/engine-options.ts';
import { EXERCISE_LABELS } from '../../safety/exercise-labels.ts';
import type { SessionRecord } from '../../session/storage-schema.ts';
import { safetyStyles } from '../safety-styles.ts';
import '../session-timeline/session-timeline.ts';
import {
  DEFAULT_REVIEW_ENGINE,
  type VideoReview as Review,
  reviewVideo,
  VideoReviewError,
  type VideoReviewProgress,
} from './analyze-video.ts';
import { reportToRecord } from './report-to-record.ts';

const clock = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The engine the coach's settings name, or the default where they say Automatic (it times a camera). */
function reviewEngine(): EngineSpec {
  const { engine } = loadCoachSettings();
  if (engine === 'auto') return DEFAULT_REVIEW_ENGINE;
  try {
    return parseEngineName(engine);
  } catch {
    return DEFAULT_REVIEW_ENGINE;
  }
}

/**
 * "Review a video": choose a recording the browser plays (webm, mp4), the
 * stretch (or let recognition choose) and the twist's side; every 100 ms of
 * the video is analysed at its media time by the live coach's pose worker
 * and session chain (analyze-video.ts), with a progress bar and Cancel
 * (button or Esc). The result opens in the session timeline and can be
 * saved to History through the storage service, marked as from a video.
 */
@customElement('sw-video-review')
export class VideoReviewView extends LitElement {
  static override styles = [
    safetyStyles,
    css`
      :host { display: block; max-width: 48rem; }
      form { display: grid; gap: 0.8rem; }
      label { display: grid; gap: 0.25rem; font-weight: 600; }
      select, input[type=file] { font: inherit; max-width: 24rem; }
      progress { width: 100%; max-width: 32rem; height: 1.2rem; }
      .result { margin-top: 1rem; }
      .done { border-left: 4px solid #0b7a75; background: #eef7f6; padding: 0.6rem 0.9rem; }
      h2:focus, h3:focus { outline: none; }
    `,
  ];

  private readonly storage = new StorageController(this);
  @state() private file: File | undefined;
  @state() private exercise: ExerciseId | 'auto' = 'auto';
  @state() private side: Side | 'either' = 'left';
  @state() private progress: VideoReviewProgress | undefined;
  @state() private error: string | undefined;
  @state() private review: Review | undefined;
  @state() private record: SessionRecord | undefined;
  @state() private saved: 'saved' | 'pending' | undefined;
  private abort: AbortController | undefined;
  @query('[data-testid="review-cancel"]') private cancelButton?: HTMLButtonElement;
  @query('[data-testid="review-result-heading"]') private resultHeading?: HTMLElement;
  @query('[data-testid="review-error"]') private errorBox?: HTMLElement;

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.abort) {
      e.preventDefault();
      this.cancel();
    }
  };

  override connectedCallback() {
    super.connectedCallback();
    addEventListener('keydown', this.onKey);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    removeEventListener('keydown', this.onKey);
    this.abort?.abort();
  }

  private cancel() {
    this.abort?.abort(new DOMException('The review was cancelled.', 'AbortError'));
  }

  private async analyse(e: Event) {
    e.preventDefault();
    if (!this.file || this.abort) return;
    const abort = new AbortController();
    this.abort = abort;
    this.error = undefined;
    this.review = undefined;
    this.record = undefined;
    this.saved = undefined;
    this.progress = { stage: 'opening' };
    await this.updateComplete;
    this.cancelButton?.focus();
    const settings = loadCoachSettings();
    const exercise = this.exercise === 'auto' ? undefined : this.exercise;
    const twist = exercise === 'seated-twist' || exercise === undefined;
    try {
      const review = await reviewVideo(this.file, {
        holdTargetS: settings.holdTargetS,
        engine: reviewEngine(),
        signal: abort.signal,
        onProgress: (p) => {
          this.progress = p;
        },
        ...(exercise ? { exercise } : {}),
        ...(twist && this.side !== 'either' ? { side: this.side } : {}),
      });
      this.review = review;
      this.record = reportToRecord(review.report, appNow() - review.report.durationMs);
      await this.finish();
      this.resultHeading?.focus();
    } catch (error) {
      if (abort.signal.aborted) this.error = 'Cancelled: nothing was analysed or saved.';
      else if (error instanceof VideoReviewError) this.error = error.message;
      else this.error = `The video could not be analysed: ${(error as Error).message}. Try again.`;
      await this.finish();
      this.errorBox?.focus();
    }
  }

  private async finish() {
    this.abort = undefined;
    this.progress = undefined;
    await this.updateComplete;
  }

  private async save() {
    if (!this.record) return;
    const ok = await this.storage.service.save('sessions', this.record);
    this.saved = ok ? 'saved' : 'pending';
  }

  override render() {
    const busy = this.abort !== undefined;
    return html`
      <h2 data-view-heading tabindex="-1">Review a recorded video</h2>
      <p class="muted">The video stays on this device. Every tenth of a second of it is analysed at its own
        time, as the live coach would have seen it, so a slow computer gives the same result, only later.</p>
      <form @submit=${this.analyse}>
        <label>Video file (webm or mp4)
          <input type="file" accept="video/webm,video/mp4,video/*" data-testid="review-file" ?disabled=${busy}
            @change=${(e: Event) => {
              this.file = (e.target as HTMLInputElement).files?.[0];
            }} />
        </label>
        <label>Stretch
          <select data-testid="review-exercise" ?disabled=${busy}
            @change=${(e: Event) => {
              this.exercise = (e.target as HTMLSelectElement).value as ExerciseId | 'auto';
            }}>
            <option value="auto" ?selected=${this.exercise === 'auto'}>Recognise it from the movement</option>
            ${EXERCISE_IDS.map((id) => html`<option value=${id} ?selected=${this.exercise === id}>${EXERCISE_LABELS[id]}</option>`)}
          </select>
        </label>
        ${
          this.exercise === 'seated-twist' || this.exercise === 'auto'
            ? html`<label>Seated twist: first side (the bent knee)
              <select data-testid="review-side" ?disabled=${busy}
                @change=${(e: Event) => {
                  this.side = (e.target as HTMLSelectElement).value as Side | 'either';
                }}>
                <option value="left" ?selected=${this.side === 'left'}>Left, then right</option>
                <option value="right" ?selected=${this.side === 'right'}>Right, then left</option>
                <option value="either" ?selected=${this.side === 'either'}>Either way, no switch</option>
              </select>
            </label>`
            : nothing
        }
        <div class="actions">
          <button class="primary" type="submit" data-testid="review-start" ?disabled=${busy || !this.file}>Analyse the video</button>
        </div>
      </form>
      ${busy ? this.renderProgress() : nothing}
      ${this.error ? html`<div class="errors" role="alert" tabindex="-1" data-testid="review-error"><p>${this.error}</p></div>` : nothing}
      ${this.review && this.record ? this.renderResult(this.review, this.record) : nothing}
    `;
  }

  private renderProgress() {
    const p = this.progress;
    const text =
      p?.stage === 'frames'
        ? `${clock(p.doneMs)} of ${clock(p.durationMs)} analysed`
        : p?.stage === 'model'
          ? 'Loading the pose model…'
          : 'Opening the video…';
    const value = p?.stage === 'frames' ? Math.min(1, p.doneMs / p.durationMs) : undefined;
    return html`<div class="actions" data-testid="review-progress">
      <progress max="1" .value=${value ?? 0} aria-label="Video analysed" aria-valuetext=${text}
        ?indeterminate=${value === undefined}></progress>
      <span role="status" aria-live="polite">${text}</span>
      <button type="button" data-testid="review-cancel" @click=${this.cancel}>Cancel (Esc)</button>
    </div>`;
  }

  private renderResult(review: Review, record: SessionRecord) {
    const r = review.report;
    const one = r.exercise === 'foam-roller' ? 'pause' : 'hold';
    const word = r.holds.length === 1 ? one : `${one}s`;
    const reached = r.holds.filter((h) => h.targetReached).length;
    return html`<section class="result" aria-labelledby="review-result-heading">
      <h3 id="review-result-heading" data-testid="review-result-heading" tabindex="-1">
        ${EXERCISE_LABELS[review.exercise]}${review.recognised ? ' (recognised)' : ''}: ${r.holds.length} ${word}
      </h3>
      <p data-testid="review-summary">${r.holds.length} ${word}, ${reached} reached ${r.holdTargetS} s;
        ${r.cues.length} cue${r.cues.length === 1 ? '' : 's'}
        (${[...new Set(r.cues.map((c) => cueDefinition(c.code).text))].slice(0, 3).join(' · ') || 'none'}).
        ${review.frames} frames of ${clock(review.durationMs)}, a person seen on ${review.usableFrames};
        ${review.engine}, ${(review.elapsedMs / 1000).toFixed(0)} s to analyse.</p>
      <sw-session-timeline .session=${record}></sw-session-timeline>
      <div class="actions">
        <button class="primary" data-testid="review-save" ?disabled=${this.saved !== undefined}
          @click=${this.save}>${this.saved ? 'Saved to History' : 'Save to History'}</button>
      </div>
      <div role="status" aria-live="polite" data-testid="review-saved">
        ${
          this.saved === 'saved'
            ? html`<p class="done">Saved to History as a session from a video (${clock(review.durationMs)}).</p>`
            : this.saved === 'pending'
              ? html`<p class="done">Kept, not saved yet: storage refused it for now; it is retried by itself.</p>`
              : nothing
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-video-review': VideoReviewView;
  }
}
