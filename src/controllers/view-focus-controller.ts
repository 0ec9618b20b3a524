/**
 * Moves keyboard focus to the heading of each new view (ui/focus-view-heading.ts)
 * after the render that shows it, so focus never drops to <body> when the
 * button pressed goes away. A view is named by a key; the same key, no move.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { focusViewHeading } from '../ui/focus-view-heading.ts';

export class ViewFocusController implements ReactiveController {
  private shown = '';

  constructor(
    host: ReactiveControllerHost,
    /** Names the view on screen now. */
    private readonly viewKey: () => string,
    private readonly root: () => ParentNode,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const key = this.viewKey();
    if (key === this.shown) return;
    this.shown = key;
    void focusViewHeading(this.root());
  }
}
