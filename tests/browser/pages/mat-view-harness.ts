/**
 * The mat view controller on a bare element (tests only): a button enters
 * and leaves it, another says whether coaching is on; the notes render as
 * in the live coach. Lets a test refuse full screen or the wake lock
 * without a camera session.
 */
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MatViewController } from '../../../src/controllers/mat-view-controller.ts';
import { matViewStyles } from '../../../src/ui/mat-view/mat-view-styles.ts';
import { renderMatNotes, renderMatToggle } from '../../../src/ui/mat-view/render-hands-free.ts';

@customElement('sw-mat-view-probe')
export class MatViewProbe extends LitElement {
  static override styles = [css`:host { display: block; }`, matViewStyles];
  readonly mat = new MatViewController(this);

  override render() {
    return html`${renderMatNotes(this.mat.notes)}
      ${renderMatToggle(this.mat.active, () => void this.mat.toggle())}
      <button data-testid="coaching" @click=${() => void this.mat.setCoaching(true)}>Coaching</button>`;
  }
}
