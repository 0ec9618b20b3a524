/**
 * Running numbers for the status line: analysed frames per second, model
 * time and capture-to-result latency, over a sliding window (a ring of the
 * last results, never an unbounded array).
 */
import type { PoseResult } from '../pose/worker/pose-worker-client.ts';

/** How many recent results the figures cover. */
export const STATS_WINDOW = 30;

export class LoopStats {
  private readonly ring: { receivedMs: number; inferenceMs: number; latencyMs: number }[] = [];
  private next = 0;

  add(pose: PoseResult): void {
    const entry = {
      receivedMs: pose.receivedMs,
      inferenceMs: pose.inferenceMs,
      latencyMs: pose.receivedMs - pose.tMs,
    };
    if (this.ring.length < STATS_WINDOW) this.ring.push(entry);
    else this.ring[this.next] = entry;
    this.next = (this.next + 1) % STATS_WINDOW;
  }

  /** Analysed frames per second over the window; undefined before two results. */
  get fps(): number | undefined {
    if (this.ring.length < 2) return undefined;
    const times = this.ring.map((e) => e.receivedMs);
    const span = Math.max(...times) - Math.min(...times);
    return span > 0 ? ((this.ring.length - 1) * 1000) / span : undefined;
  }

  /** Median model time per frame, ms. */
  get inferenceMs(): number | undefined {
    return median(this.ring.map((e) => e.inferenceMs));
  }

  /** Median time from a frame's capture (its stamp, camera-frame-time.ts) to its pose arriving on the page, ms. */
  get latencyMs(): number | undefined {
    return median(this.ring.map((e) => e.latencyMs));
  }

  reset(): void {
    this.ring.length = 0;
    this.next = 0;
  }
}

function median(values: number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
