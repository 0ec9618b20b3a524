/**
 * Tells the host when the page is hidden (another tab, a minimised window,
 * a locked screen) and shown again. A hidden tab gets no camera frames in
 * most browsers, so left alone the coach would see one long gap between
 * frames; the host pauses instead.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PageVisibilityController implements ReactiveController {
  /** Called with `true` when the page is hidden, `false` when it shows again. */
  onChange: (hidden: boolean) => void = () => {};
  hidden = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  private readonly changed = () => {
    const hidden = document.visibilityState === 'hidden';
    if (hidden === this.hidden) return;
    this.hidden = hidden;
    this.onChange(hidden);
  };

  hostConnected(): void {
    this.hidden = document.visibilityState === 'hidden';
    document.addEventListener('visibilitychange', this.changed);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.changed);
  }
}
