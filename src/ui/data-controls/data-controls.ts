import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  deleteEverything,
  exportEverything,
  exportHolds,
  type ImportOutcome,
  importFile,
} from '../../controllers/data-transfer.ts';
import { StorageController } from '../../controllers/storage-controller.ts';
import { safetyStyles } from '../safety-styles.ts';

/** Problems listed in full; the rest are counted (a wrong file can have thousands). */
const SHOWN_PROBLEMS = 20;

/**
 * "Your data": export everything (JSON) or the holds (CSV), import a file
 * (every problem listed, nothing changed unless the whole file is good),
 * and delete all data after a confirmation. Every result is announced to
 * screen readers; the confirmation is a modal dialog (Esc cancels).
 */
@customElement('sw-data-controls')
export class DataControls extends LitElement {
  static override styles = [
    safetyStyles,
    css`
      button.danger { border-color: #b3261e; color: #8c1d18; }
      button.danger.primary { background: #b3261e; color: #fff; }
      dialog { border: 2px solid #b3261e; border-radius: 12px; max-width: 34rem; padding: 1rem 1.25rem; }
      dialog::backdrop { background: rgb(0 0 0 / 0.35); }
      code { background: #f1eee9; padding: 0 0.25rem; border-radius: 4px; }
      .done { border-left: 4px solid #0b7a75; background: #eef7f6; padding: 0.6rem 0.9rem; margin: 0.8rem 0 0; }
    `,
  ];

  private readonly storage = new StorageController(this);
  @state() private busy: 'import' | 'delete' | undefined;
  @state() private outcome: ImportOutcome | undefined;
  @state() private deleted: string | undefined;
  @state() private deleteError: string | undefined;
  @query('input[type=file]') private fileInput?: HTMLInputElement;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[data-testid="import-problems"]') private problemsBox?: HTMLElement;

  override render() {
    const service = this.storage.service;
    const records =
      service.data.sessions.length +
      service.data.pain.length +
      service.data.screenings.length +
      service.data.clearances.length +
      service.data['daily-checks'].length;
    return html`
      <div class="actions" role="group" aria-label="Export, import or delete your data">
        <button data-testid="export" @click=${() => exportEverything(service)}>Export everything (JSON)</button>
        <button data-testid="export-csv" @click=${() => exportHolds(service)}
          aria-describedby="csv-help">Export holds (CSV)</button>
        <button data-testid="clinician-report" @click=${() => this.dispatchEvent(new CustomEvent('sw-open-clinician-report', { bubbles: true, composed: true }))}>Report for a clinician</button>
        <button data-testid="import" ?disabled=${this.busy !== undefined} @click=${() => this.fileInput?.click()}
          aria-describedby="import-help">${this.busy === 'import' ? 'Importing…' : 'Import a file…'}</button>
        <button data-testid="delete-all" class="danger" ?disabled=${this.busy !== undefined}
          @click=${this.askDelete}>Delete all my data…</button>
      </div>
      <input type="file" class="visually-hidden" tabindex="-1" aria-hidden="true"
        accept=".json,application/json" data-testid="import-file" @change=${this.onFile} />
      <p class="muted" id="csv-help">The CSV has one row per hold (start, end, seconds, side), for a spreadsheet.</p>
      <p class="muted" id="import-help">Import reads a file saved by “Export everything”. Records already here are kept as they are, so importing the same file twice adds nothing.</p>
      <div role="status" aria-live="polite" data-testid="data-status">
        ${this.outcome?.ok ? html`<p class="done" data-testid="import-result">${this.outcome.summary}</p>` : nothing}
        ${this.deleted ? html`<p class="done" data-testid="delete-result">${this.deleted}</p>` : nothing}
      </div>
      ${this.outcome && !this.outcome.ok ? this.renderProblems(this.outcome) : nothing}
      <dialog data-testid="delete-dialog" aria-labelledby="delete-title" aria-describedby="delete-what">
        <h3 id="delete-title">Delete all your data?</h3>
        <p id="delete-what">This removes ${records === 0 ? 'everything' : `all ${records} records`} Spinewise keeps in this browser:
          your safety answers, clinician’s go-aheads, pain log, sessions and settings. It cannot be undone.
          Export a copy first if you may want it back.</p>
        ${this.deleteError ? html`<div class="errors" role="alert" data-testid="delete-error"><p>${this.deleteError}</p></div>` : nothing}
        <div class="actions">
          <button @click=${() => exportEverything(service)}>Export a copy first</button>
          <button data-testid="delete-cancel" autofocus @click=${() => this.dialog?.close()}>Keep my data</button>
          <button data-testid="delete-confirm" class="danger primary" ?disabled=${this.busy === 'delete'}
            @click=${this.confirmDelete}>${this.busy === 'delete' ? 'Deleting…' : 'Delete everything'}</button>
        </div>
      </dialog>
    `;
  }

  private renderProblems(outcome: Extract<ImportOutcome, { ok: false }>) {
    const more = outcome.problems.length - SHOWN_PROBLEMS;
    return html`<div class="errors" role="alert" tabindex="-1" data-testid="import-problems">
      <p><strong>${outcome.summary}</strong></p>
      <ul>
        ${outcome.problems
          .slice(0, SHOWN_PROBLEMS)
          .map(
            (p) =>
              html`<li data-path=${p.path}>${p.path ? html`<code>${p.path}</code> ` : nothing}${p.reason}</li>`,
          )}
      </ul>
      ${more > 0 ? html`<p>…and ${more} more.</p>` : nothing}
    </div>`;
  }

  private onFile = async () => {
    const input = this.fileInput;
    const file = input?.files?.[0];
    if (!input || !file) return;
    this.busy = 'import';
    this.outcome = undefined;
    this.deleted = undefined;
    try {
      this.outcome = await importFile(file, this.storage.service);
    } finally {
      this.busy = undefined;
      input.value = ''; // the same file can be chosen again
    }
    if (!this.outcome.ok) {
      await this.updateComplete;
      this.problemsBox?.focus();
    }
  };

  private askDelete = () => {
    this.deleteError = undefined;
    this.dialog?.showModal();
  };

  private confirmDelete = async () => {
    this.busy = 'delete';
    this.deleteError = undefined;
    try {
      await deleteEverything(this.storage.service);
      this.deleted = 'All your data was deleted from this browser.';
      this.outcome = undefined;
      this.dialog?.close();
    } catch (error) {
      this.deleteError = `Nothing was deleted. ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.busy = undefined;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'sw-data-controls': DataControls;
  }
}
