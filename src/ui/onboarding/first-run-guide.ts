import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { EXERCISE_IDS } from '../../exercises/exercise-ids.ts';
import { EXERCISE_GUIDES } from '../exercise-card/exercise-guides.ts';
import { renderGuidePictures } from '../exercise-card/render-guide-pictures.ts';

/**
 * The first-run guide: what you need, how long it takes, what happens to the
 * camera picture, and for each stretch where the laptop goes and what its
 * camera should see (pictures rendered by the project's own renderer). Shown
 * on the first visit above the safety questions, and any time from the
 * "Getting started" view. Renders only: "Got it" is an event.
 */
@customElement('sw-first-run-guide')
export class FirstRunGuide extends LitElement {
  static override styles = css`
    :host { display: block; }
    section { background: #fff; border: 1px solid #e3ded6; border-radius: 14px; padding: 1rem 1.25rem; margin: 0 0 1.25rem; }
    h2 { margin: 0 0 0.5rem; color: #0b6560; }
    h3 { margin: 1rem 0 0.35rem; font-size: 1.05rem; }
    .needs { display: grid; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); gap: 0.75rem; margin: 0.5rem 0 0.75rem; }
    .needs div { background: #f6f3ee; border-radius: 10px; padding: 0.6rem 0.8rem; }
    .needs h3 { margin: 0 0 0.3rem; }
    .needs p, .needs ul { margin: 0; line-height: 1.45; }
    .needs ul { padding-left: 1.1rem; }
    .stretches { display: grid; grid-template-columns: repeat(auto-fit, minmax(19rem, 1fr)); gap: 1rem; }
    .stretch h3 { color: #0b7a75; margin-top: 0.25rem; }
    .stretch p { margin: 0.2rem 0 0; color: #333; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 1rem; }
    button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 8px; border: 1px solid #0b7a75; background: #0b7a75; color: #fff; cursor: pointer; min-height: 2.75rem; }
    button:focus-visible { outline: 3px solid #f59f00; outline-offset: 2px; }
    kbd { font: 0.85em ui-monospace, monospace; border: 1px solid #bbb; border-radius: 4px; padding: 0 0.3em; background: #fafafa; color: #333; }
  `;

  /** On the first visit the guide offers "Got it"; in its own view it does not need to. */
  @property({ type: Boolean }) dismissible = false;

  override render() {
    return html`<section aria-labelledby="first-run-h" data-testid="first-run-guide">
      <h2 id="first-run-h" tabindex="-1">Before you start</h2>
      <p>Spinewise watches you through the laptop’s camera and coaches three upper-back stretches.
        Set up once, then the coach does the rest.</p>
      <div class="needs">
        <div data-testid="first-run-needs"><h3>What you need</h3>
          <ul>
            <li>An exercise mat, and 2–3 m of clear floor around it for the laptop.</li>
            <li>A foam roller (about 15 cm across) for the roller stretch.</li>
            <li>Light in front of you or from the side, not a bright window behind you.</li>
          </ul></div>
        <div data-testid="first-run-time"><h3>How long</h3>
          <p>About 10 minutes for all three stretches; each hold is 15–30 seconds. The first start
            takes up to a minute while the pose model loads.</p></div>
        <div data-testid="first-run-privacy"><h3>Your privacy</h3>
          <p>The camera picture is analysed here, on this device. No video, picture or measurement
            leaves it, and your history stays in this browser (you can export or delete it).</p></div>
      </div>
      <h3>Where the laptop goes</h3>
      <p>Stand the laptop on the floor or a low stool so its camera sees all of you, head to feet.</p>
      <div class="stretches">
        ${EXERCISE_IDS.map(
          (id) => html`<div class="stretch" data-testid=${`first-run-${id}`}>
            <h3>${EXERCISE_GUIDES[id].title}</h3>
            ${renderGuidePictures(id, `${EXERCISE_GUIDES[id].title}: where the laptop goes`)}
          </div>`,
        )}
      </div>
      <h3>From the mat</h3>
      <p>Press <strong>Mat view</strong> (<kbd>M</kbd>) once the camera is on: the screen fills with large
        text you can read from the floor and stays awake. Raise both arms above your head in a wide
        Y for 2 seconds to stop; sitting up off the roller or out of child’s pose pauses.</p>
      ${
        this.dismissible
          ? html`<div class="actions">
              <button data-testid="first-run-done" @click=${this.done}>Got it</button>
              <span>You can open this guide again from <strong>Getting started</strong>.</span>
            </div>`
          : ''
      }
    </section>`;
  }

  /** Opened as its own view ("Getting started"): focus lands on its heading, as on every view. */
  protected override firstUpdated() {
    if (!this.dismissible) this.renderRoot.querySelector<HTMLElement>('#first-run-h')?.focus();
  }

  private readonly done = () => {
    this.dispatchEvent(new CustomEvent('sw-first-run-done', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-first-run-guide': FirstRunGuide;
  }
  interface GlobalEventHandlersEventMap {
    /** The person dismissed the first-run guide. */
    'sw-first-run-done': CustomEvent<void>;
  }
}
