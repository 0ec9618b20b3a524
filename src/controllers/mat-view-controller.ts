/**
 * The mat view's side effects: full screen for the host element (Fullscreen
 * API) and the screen kept awake while coaching (Screen Wake Lock). Either
 * may be refused or missing; the view then still works in the window and
 * `notes` says what happened and what to do. Lifetime: the host; the lock
 * and full screen are released in `leave()` and in `hostDisconnected`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/** What `navigator.wakeLock.request('screen')` returns (typed here: older DOM libs lack it). */
interface WakeLockHandle {
  released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}
interface WakeLockApi {
  request(type: 'screen'): Promise<WakeLockHandle>;
}

export const FULLSCREEN_REFUSED =
  'Full screen was not allowed here, so the mat view fills this window instead. Your browser’s own full-screen key (often F11) does the rest.';
export const WAKE_LOCK_MISSING =
  'This browser cannot keep the screen awake. If it dims during a hold, turn off auto-lock or lengthen the screen timeout in your device settings.';
export const WAKE_LOCK_REFUSED =
  'The screen could not be kept awake (the browser refused, perhaps to save battery). If it dims, lengthen the screen timeout in your device settings.';

export class MatViewController implements ReactiveController {
  /** The mat view is on (the host carries the `mat` attribute). */
  active = false;
  /** The screen wake lock is held now. */
  awake = false;
  /** Plain-language notes on what was refused, for the view to show. */
  notes: string[] = [];
  /** Called when full screen ends from outside (the browser's Esc), after the view has left. */
  onLeft?: () => void;
  private lock: WakeLockHandle | undefined;
  private wantAwake = false;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected() {
    document.addEventListener('fullscreenchange', this.onFullscreenChange);
    document.addEventListener('visibilitychange', this.onVisibility);
  }

  hostDisconnected() {
    document.removeEventListener('fullscreenchange', this.onFullscreenChange);
    document.removeEventListener('visibilitychange', this.onVisibility);
    void this.leave();
  }

  /** Mat view on: the host fills the screen (full screen when allowed). Call from a user gesture. */
  async enter(): Promise<void> {
    if (this.active) return;
    this.active = true;
    this.notes = [];
    this.host.toggleAttribute('mat', true);
    this.host.requestUpdate();
    if (!document.fullscreenElement && this.host.requestFullscreen) {
      try {
        await this.host.requestFullscreen({ navigationUI: 'hide' });
      } catch {
        this.note(FULLSCREEN_REFUSED);
      }
    } else if (!this.host.requestFullscreen) this.note(FULLSCREEN_REFUSED);
    if (this.wantAwake) await this.acquire();
  }

  async leave(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.notes = [];
    this.host.toggleAttribute('mat', false);
    await this.release();
    if (document.fullscreenElement === this.host) await document.exitFullscreen().catch(() => {});
    this.host.requestUpdate();
  }

  toggle(): Promise<void> {
    return this.active ? this.leave() : this.enter();
  }

  /** Coaching or not: the screen is kept awake while the mat view is on and coaching is. */
  async setCoaching(coaching: boolean): Promise<void> {
    this.wantAwake = coaching;
    if (coaching && this.active) await this.acquire();
    else if (!coaching) await this.release();
  }

  private async acquire() {
    if (this.lock && !this.lock.released) return;
    const api = (navigator as Navigator & { wakeLock?: WakeLockApi }).wakeLock;
    if (!api) {
      this.note(WAKE_LOCK_MISSING);
      return;
    }
    try {
      const lock = await api.request('screen');
      this.lock = lock;
      this.awake = true;
      lock.addEventListener('release', () => {
        this.awake = false;
        this.host.requestUpdate();
      });
    } catch {
      this.note(WAKE_LOCK_REFUSED);
    }
    this.host.requestUpdate();
  }

  private async release() {
    const lock = this.lock;
    this.lock = undefined;
    this.awake = false;
    if (lock && !lock.released) await lock.release().catch(() => {});
  }

  private note(text: string) {
    if (!this.notes.includes(text)) this.notes = [...this.notes, text];
    this.host.requestUpdate();
  }

  private readonly onFullscreenChange = () => {
    // Full screen ended by the browser (Esc, a system gesture): the mat view ends with it.
    if (this.active && !document.fullscreenElement && !this.notes.includes(FULLSCREEN_REFUSED)) {
      void this.leave().then(() => this.onLeft?.());
    }
  };

  /** The browser drops the wake lock when the page is hidden; take it again on return. */
  private readonly onVisibility = () => {
    if (document.visibilityState === 'visible' && this.active && this.wantAwake)
      void this.acquire();
  };
}
