import { html, LitElement, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { exportEverything } from '../../controllers/data-transfer.ts';
import { StorageController } from '../../controllers/storage-controller.ts';
import { skippedRecordsMessage } from '../../session/stored-record-check.ts';
import { safetyStyles } from '../safety-styles.ts';

/**
 * Says when saving is not working, in words (what happened, what to do), with
 * "Try again" for anything still unsaved and an export so nothing is lost;
 * and which damaged records were skipped when reading. Renders nothing while
 * all is well.
 */
@customElement('sw-storage-status')
export class StorageStatus extends LitElement {
  static override styles = safetyStyles;

  private readonly storage = new StorageController(this);

  override render() {
    return html`${this.skippedView()}${this.errorView()}`;
  }

  private skippedView() {
    const skipped = this.storage.service.skipped;
    const message = skippedRecordsMessage(skipped);
    if (!message) return nothing;
    return html`
      <div class="card" role="status" data-testid="storage-skipped">
        <p>${message}</p>
        <details>
          <summary>What was skipped</summary>
          <ul>${skipped.map((r) => html`<li>${r.store}${r.id ? html` <code>${r.id}</code>` : nothing}: ${r.problem}</li>`)}</ul>
        </details>
      </div>
    `;
  }

  private errorView() {
    const s = this.storage.service;
    if (!s.error) return nothing;
    const unsaved = s.pending.length;
    return html`
      <div class="errors" role="alert" data-testid="storage-error" data-kind=${s.error.kind}>
        <p>${s.error.message}</p>
        ${unsaved > 0 ? html`<p><strong>${unsaved} ${unsaved === 1 ? 'entry is' : 'entries are'} not saved yet</strong> and kept on this page.</p>` : nothing}
        <div class="actions">
          ${unsaved > 0 && s.error.kind !== 'unavailable' ? html`<button class="primary" data-testid="storage-retry" @click=${() => s.retry()}>Try again</button>` : nothing}
          <button @click=${() => exportEverything(s)}>Export my data (JSON)</button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-storage-status': StorageStatus;
  }
}
