/**
 * One coach at a time: the coach holds a Web Lock while it is on the page,
 * so a second tab (or window) of Spinewise knows one is open and says so
 * instead of opening the camera again and saving a second session. "Coach
 * here instead" steals the lock; the tab it was taken from is told
 * (`onLost`) and stands down the same way. When the holder closes, a
 * waiting tab gets the lock by itself. Browsers without `navigator.locks`
 * coach in every tab, as before.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The lock's name: one per origin, shared by every tab of the app. */
export const COACH_LOCK = 'spinewise-coach';

/** `pending`: asking; `held`: this tab coaches; `elsewhere`: another tab does. */
export type TabLockState = 'pending' | 'held' | 'elsewhere';

export class SingleTabLock implements ReactiveController {
  state: TabLockState = 'pending';
  /** This tab had the lock and another tab took it. */
  onLost: () => void = () => {};
  private release: (() => void) | undefined;
  private waiting: AbortController | undefined;
  private connected = false;
  /** Requests made, and which one holds the lock now (0: none). */
  private requests = 0;
  private holding = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    if (!globalThis.navigator?.locks) {
      this.set('held');
      return;
    }
    this.ask({ ifAvailable: true });
  }

  hostDisconnected(): void {
    this.connected = false;
    this.waiting?.abort();
    this.holding = 0;
    this.release?.();
    this.release = undefined;
    this.state = 'pending';
  }

  /** "Coach here instead": takes the lock from the other tab. */
  takeOver(): void {
    if (!globalThis.navigator?.locks || this.state === 'held') return;
    this.waiting?.abort();
    this.ask({ steal: true });
  }

  /**
   * Requests the lock. Granted: held until this coach leaves. Not available
   * (`ifAvailable`): another tab coaches, and this one queues behind it.
   * The request's promise rejects when the lock is stolen from this tab.
   */
  private ask(options: LockOptions) {
    const id = ++this.requests;
    void navigator.locks
      .request(COACH_LOCK, options, (lock) => {
        if (!lock) {
          this.set('elsewhere');
          this.queue();
          return undefined;
        }
        return this.hold(id);
      })
      .catch(() => {
        // A steal (ours aborted too, or a queued request cancelled) rejects; only the held one is a loss.
        if (id === this.holding) this.lost();
      });
  }

  /** Queues for the lock, so this tab coaches once the other one closes. */
  private queue() {
    this.waiting = new AbortController();
    this.ask({ signal: this.waiting.signal });
  }

  private hold(id: number): Promise<void> | undefined {
    if (!this.connected) return undefined;
    this.holding = id;
    this.set('held');
    return new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }

  /** The lock was taken by another tab. */
  private lost() {
    this.holding = 0;
    this.release = undefined;
    if (!this.connected) return;
    this.set('elsewhere');
    this.onLost();
    this.queue();
  }

  private set(state: TabLockState) {
    this.state = state;
    this.host.requestUpdate();
  }
}
