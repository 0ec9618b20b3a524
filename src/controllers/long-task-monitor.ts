/**
 * Counts main-thread tasks over 50 ms (PerformanceObserver `longtask`), the
 * measure of a page that stutters, keeping when each began so a count can
 * be taken from any moment on (e.g. from the start of live coaching).
 * Lifetime: `start()` to `stop()`; a browser without long-task timing
 * counts nothing. Keeps at most LONG_TASK_LIMIT entries.
 */
export const LONG_TASK_LIMIT = 1000;

export interface LongTask {
  /** performance.now() when it began, ms. */
  startMs: number;
  durationMs: number;
}

export class LongTaskMonitor {
  readonly tasks: LongTask[] = [];
  private observer: PerformanceObserver | undefined;

  start(): void {
    this.stop();
    this.tasks.length = 0;
    if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.tasks.push({ startMs: entry.startTime, durationMs: entry.duration });
        if (this.tasks.length > LONG_TASK_LIMIT) this.tasks.shift();
      }
    });
    this.observer.observe({ type: 'longtask' });
  }

  /** Long tasks that began at or after `fromMs` (performance.now() time). */
  since(fromMs = Number.NEGATIVE_INFINITY): LongTask[] {
    return this.tasks.filter((t) => t.startMs >= fromMs);
  }

  get count(): number {
    return this.tasks.length;
  }

  get longestMs(): number {
    return Math.max(0, ...this.tasks.map((t) => t.durationMs));
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
