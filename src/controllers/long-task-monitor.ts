/**
 * Counts main-thread tasks over 50 ms (PerformanceObserver `longtask`), the
 * measure of a page that stutters. Lifetime: `start()` to `stop()`; a
 * browser without long-task timing counts nothing.
 */
export class LongTaskMonitor {
  count = 0;
  longestMs = 0;
  private observer: PerformanceObserver | undefined;

  start(): void {
    this.stop();
    this.count = 0;
    this.longestMs = 0;
    if (!PerformanceObserver.supportedEntryTypes?.includes('longtask')) return;
    this.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        this.count++;
        this.longestMs = Math.max(this.longestMs, entry.duration);
      }
    });
    this.observer.observe({ type: 'longtask' });
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
