import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type CoachSettings, HOLD_TARGET_RANGE_S } from '../../controllers/coach-settings.ts';
import { BACKEND_CHOICES, ENGINE_CHOICES, engineName } from '../../pose/engine-options.ts';

/**
 * Settings for the live coach: pose engine/model and backend (or automatic),
 * hold target, voice on/off, voice and rate, mirrored preview. Stateless:
 * shows `settings` and emits `sw-settings-change` with the whole new value.
 */
@customElement('sw-coach-settings')
export class CoachSettingsPanel extends LitElement {
  static override styles = css`
    :host { display: block; }
    fieldset { border: 1px solid #ddd6cc; border-radius: 10px; padding: 0.75rem 1rem; display: grid; gap: 0.6rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
    legend { font-weight: 600; padding: 0 0.3rem; }
    label { display: grid; gap: 0.2rem; font-size: 0.9rem; }
    label.inline { display: flex; gap: 0.5rem; align-items: center; }
    select, input[type=range] { font: inherit; padding: 0.3rem; min-width: 0; width: 100%; box-sizing: border-box; }
    select:focus-visible, input:focus-visible { outline: 3px solid #f59f00; outline-offset: 2px; }
  `;

  @property({ attribute: false }) settings!: CoachSettings;
  /** Voices the browser offers (may be empty, e.g. headless). */
  @property({ attribute: false }) voices: SpeechSynthesisVoice[] = [];

  private change(patch: Partial<CoachSettings>) {
    const next = { ...this.settings, ...patch };
    this.dispatchEvent(
      new CustomEvent<CoachSettings>('sw-settings-change', {
        detail: next,
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    const s = this.settings;
    const spec = ENGINE_CHOICES.find((c) => engineName(c.spec) === s.engine)?.spec;
    const backends = spec ? BACKEND_CHOICES[spec.engine] : [];
    return html`<fieldset data-testid="coach-settings">
      <legend>Coach settings</legend>
      <label>Pose engine
        <select data-testid="setting-engine" @change=${(e: Event) => this.change({ engine: (e.target as HTMLSelectElement).value, backend: '' })}>
          <option value="auto" ?selected=${s.engine === 'auto'}>Automatic (most accurate that keeps up)</option>
          ${ENGINE_CHOICES.map((c) => html`<option value=${engineName(c.spec)} ?selected=${engineName(c.spec) === s.engine}>${c.label}</option>`)}
        </select>
      </label>
      <label>Backend
        <select data-testid="setting-backend" ?disabled=${!spec} @change=${(e: Event) => this.change({ backend: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${s.backend === ''}>Default</option>
          ${backends.map((b) => html`<option value=${b.value} ?selected=${b.value === s.backend}>${b.label}</option>`)}
        </select>
      </label>
      <label>Hold target: ${s.holdTargetS} s
        <input type="range" data-testid="setting-hold" min=${HOLD_TARGET_RANGE_S[0]} max=${HOLD_TARGET_RANGE_S[1]} step="5" .value=${String(s.holdTargetS)}
          @change=${(e: Event) => this.change({ holdTargetS: Number((e.target as HTMLInputElement).value) })} />
      </label>
      <label class="inline"><input type="checkbox" data-testid="setting-voice" .checked=${s.voice.enabled}
          @change=${(e: Event) => this.change({ voice: { ...s.voice, enabled: (e.target as HTMLInputElement).checked } })} />
        Speak cues (captions always show)</label>
      <label>Voice
        <select data-testid="setting-voice-name" ?disabled=${!this.voices.length} @change=${(e: Event) => this.change({ voice: { ...s.voice, voiceURI: (e.target as HTMLSelectElement).value } })}>
          <option value="">Browser default</option>
          ${this.voices.map((v) => html`<option value=${v.voiceURI} ?selected=${v.voiceURI === s.voice.voiceURI}>${v.name} (${v.lang})</option>`)}
        </select>
      </label>
      <label>Speaking rate: ${s.voice.rate.toFixed(1)}×
        <input type="range" data-testid="setting-rate" min="0.5" max="2" step="0.1" .value=${String(s.voice.rate)}
          @change=${(e: Event) => this.change({ voice: { ...s.voice, rate: Number((e.target as HTMLInputElement).value) } })} />
      </label>
      <label class="inline"><input type="checkbox" data-testid="setting-mirror" .checked=${s.mirror}
          @change=${(e: Event) => this.change({ mirror: (e.target as HTMLInputElement).checked })} />
        Show the camera as a mirror</label>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-coach-settings': CoachSettingsPanel;
  }
  interface GlobalEventHandlersEventMap {
    'sw-settings-change': CustomEvent<CoachSettings>;
  }
}
