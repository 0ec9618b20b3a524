import { TaskStatus } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  CHECK_FRAMES,
  StillPoseController,
  type StillPoseResult,
} from '../../controllers/still-pose-controller.ts';
import { BACKEND_CHOICES, ENGINE_CHOICES, withBackend } from '../../pose/engine-options.ts';
import { drawPose } from './draw-pose.ts';

/**
 * "Check the pose engine": pick an engine, model and backend, run it on the
 * bundled test picture, see the landmarks drawn with load and inference times.
 */
@customElement('sw-pose-check')
export class PoseCheck extends LitElement {
  static override styles = css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin-bottom: 1rem; }
    label { display: grid; gap: 0.25rem; font-size: 0.9rem; }
    select, button { font: inherit; padding: 0.4rem 0.6rem; border-radius: 6px; }
    button { background: #0b7a75; color: white; border: none; cursor: pointer; }
    button:disabled { opacity: 0.6; cursor: progress; }
    button:focus-visible, select:focus-visible { outline: 3px solid #f59f00; outline-offset: 2px; }
    .view { display: flex; flex-wrap: wrap; gap: 1rem; align-items: start; }
    canvas { max-width: 100%; border-radius: 8px; background: #eee; }
    .status { min-height: 1.5rem; }
    .error { color: #a61e1e; background: #fff0f0; padding: 0.75rem; border-radius: 6px; }
    dl { display: grid; grid-template-columns: auto auto; gap: 0.25rem 1rem; margin: 0; }
    dt { color: #555; }
  `;

  private readonly still = new StillPoseController(this);
  @state() private choice = 0;
  @state() private backend = 'auto';
  @query('canvas') private canvas!: HTMLCanvasElement;

  private get engine() {
    return ENGINE_CHOICES[this.choice]!.spec.engine;
  }

  private onEngineChange(e: Event) {
    this.choice = Number((e.target as HTMLSelectElement).value);
    this.backend = BACKEND_CHOICES[this.engine][0].value;
  }

  private onSubmit(e: Event) {
    e.preventDefault();
    void this.still.run(withBackend(ENGINE_CHOICES[this.choice]!.spec, this.backend));
  }

  protected override updated() {
    if (this.still.task.status === TaskStatus.COMPLETE && this.still.task.value) {
      const { image, frame } = this.still.task.value;
      this.canvas.width = image.width;
      this.canvas.height = image.height;
      const ctx = this.canvas.getContext('2d');
      if (ctx) drawPose(ctx, image, frame);
    }
  }

  private renderResult(r: StillPoseResult) {
    const found = r.frame ? r.frame.landmarks.filter((p) => p && p.visibility >= 0.5).length : 0;
    return html`<dl data-testid="result">
      <dt>Model load</dt><dd data-testid="load-ms">${Math.round(r.loadMs)} ms</dd>
      <dt>Inference (median of ${CHECK_FRAMES})</dt><dd data-testid="inference-ms">${Math.round(r.medianMs)} ms</dd>
      <dt>Running on</dt><dd data-testid="backend">${r.runtime.backend}</dd>
      ${r.runtime.fallback ? html`<dt>Note</dt><dd data-testid="fallback">${r.runtime.fallback}</dd>` : ''}
      <dt>Person</dt><dd data-testid="person">${r.frame ? `found, ${found} landmarks clearly visible` : 'not found'}</dd>
    </dl>`;
  }

  override render() {
    const busy = this.still.task.status === TaskStatus.PENDING;
    return html`
      <form @submit=${this.onSubmit} aria-label="Pose engine check">
        <label>Engine and model
          <select data-testid="engine" @change=${this.onEngineChange} .value=${String(this.choice)}>
            ${ENGINE_CHOICES.map((c, i) => html`<option value=${i} ?selected=${i === this.choice}>${c.label}</option>`)}
          </select>
        </label>
        <label>Backend
          <select data-testid="backend-choice" @change=${(e: Event) => {
            this.backend = (e.target as HTMLSelectElement).value;
          }}>
            ${BACKEND_CHOICES[this.engine].map(
              (b) =>
                html`<option value=${b.value} ?selected=${b.value === this.backend}>${b.label}</option>`,
            )}
          </select>
        </label>
        <button type="submit" data-testid="run" ?disabled=${busy}>${busy ? 'Running…' : 'Run on the test picture'}</button>
      </form>
      <div class="view">
        <canvas aria-label="Test picture with the detected landmarks drawn over it" role="img"></canvas>
        <div class="status" role="status" aria-live="polite">
          ${this.still.task.render({
            initial: () => html`<p>Pick an engine and run it: nothing leaves this device.</p>`,
            pending: () => html`<p>Loading the model and running it…</p>`,
            complete: (r) => this.renderResult(r),
            error: (e) =>
              html`<p class="error" role="alert" data-testid="error">${e instanceof Error ? e.message : String(e)}</p>`,
          })}
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-pose-check': PoseCheck;
  }
}
